import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BorderOuterOutlined,
  BuildOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  FireOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  HistoryOutlined,
  HomeOutlined,
  InboxOutlined,
  MobileOutlined,
  NodeIndexOutlined,
  NotificationOutlined,
  PartitionOutlined,
  ProfileOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Label, Role } from '@chuangcheng/contracts';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import { matchPath } from 'react-router';

export type MenuGroup = 'loop' | 'campaign' | 'org' | 'system';

/** One page of the console: this table drives the router, the menu, breadcrumbs, titles and access. */
export interface AppRoute {
  path: string;
  label: Label;
  icon: ComponentType;
  /** Roles that see the page in the menu and may open it. */
  roles: readonly Role[];
  /** Menu group (a sub-menu); pages without one sit at the top level. */
  group?: MenuGroup;
  /** Not in the menu (detail and form pages reached from other pages). */
  hidden?: boolean;
  /**
   * 'full': the page fills the content area edge to edge (the map).
   * 'field': a page of the phone app under /field (its own layout: no sidebar, a bottom tab bar).
   */
  layout?: 'full' | 'field';
  component: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's chunk (the router calls it for the first page, in parallel with the session). */
  preload: () => Promise<unknown>;
}

export const MENU_GROUPS: Record<MenuGroup, { label: Label; icon: ComponentType }> = {
  loop: { label: { zh: '案件处置', en: 'Cases' }, icon: AlertOutlined },
  campaign: { label: { zh: '创建迎检', en: 'Campaigns' }, icon: TrophyOutlined },
  org: { label: { zh: '基础数据', en: 'Master data' }, icon: DatabaseOutlined },
  system: { label: { zh: '系统管理', en: 'Administration' }, icon: SettingOutlined },
};

type PageModule = { default: ComponentType };

function page(load: () => Promise<PageModule>): Pick<AppRoute, 'component' | 'preload'> {
  return { component: lazy(load), preload: load };
}

const EVERYONE: readonly Role[] = ['admin', 'office', 'leader', 'unit', 'grid_worker', 'inspector'];
/** The city's roles: everyone but the system administrator, who manages cities and accounts and reads no case data. */
const CITY_STAFF: readonly Role[] = ['office', 'leader', 'unit', 'grid_worker', 'inspector'];
/** Who works in the street with a phone: the field app (/field). */
export const FIELD_ROLES: readonly Role[] = ['grid_worker', 'inspector'];
export const FIELD_ROOT = '/field';

/** Each page is its own chunk: the first load carries only the shell and the login page. */
export const ROUTES: readonly AppRoute[] = [
  {
    path: '/',
    label: { zh: '首页', en: 'Overview' },
    icon: HomeOutlined,
    roles: EVERYONE,
    ...page(() => import('../features/overview/components/overview-page')),
  },
  {
    path: '/map',
    label: { zh: '网格地图', en: 'Grid map' },
    icon: EnvironmentOutlined,
    roles: EVERYONE,
    layout: 'full',
    ...page(() => import('../features/map/components/map-page')),
  },
  // The field app: one menu entry (手机版) in the console; its pages have their own tab bar.
  {
    path: FIELD_ROOT,
    label: { zh: '手机版', en: 'Field app' },
    icon: MobileOutlined,
    roles: FIELD_ROLES,
    layout: 'field',
    ...page(() => import('../features/field/components/my-cases-page')),
  },
  {
    path: '/field/report',
    label: { zh: '上报', en: 'Report' },
    icon: MobileOutlined,
    roles: FIELD_ROLES,
    hidden: true,
    layout: 'field',
    ...page(() => import('../features/field/components/report-page')),
  },
  {
    path: '/field/verify',
    label: { zh: '核查', en: 'Check' },
    icon: MobileOutlined,
    roles: FIELD_ROLES,
    hidden: true,
    layout: 'field',
    ...page(() => import('../features/field/components/verify-page')),
  },
  {
    path: '/field/me',
    label: { zh: '我的', en: 'Me' },
    icon: MobileOutlined,
    roles: FIELD_ROLES,
    hidden: true,
    layout: 'field',
    ...page(() => import('../features/field/components/me-page')),
  },
  {
    path: '/field/cases/:id',
    label: { zh: '案件详情', en: 'Case' },
    icon: MobileOutlined,
    roles: FIELD_ROLES,
    hidden: true,
    layout: 'field',
    ...page(() => import('../features/field/components/field-case-page')),
  },
  {
    path: '/cases',
    label: { zh: '案件列表', en: 'Cases' },
    icon: ProfileOutlined,
    roles: CITY_STAFF,
    group: 'loop',
    ...page(() => import('../features/cases/components/cases-page')),
  },
  {
    path: '/cases/new',
    label: { zh: '登记案件', en: 'New case' },
    icon: ProfileOutlined,
    roles: ['office', 'inspector', 'grid_worker', 'leader'],
    hidden: true,
    ...page(() => import('../features/cases/components/case-new-page')),
  },
  {
    path: '/cases/map',
    label: { zh: '案件地图', en: 'Case map' },
    icon: EnvironmentOutlined,
    roles: CITY_STAFF,
    group: 'loop',
    layout: 'full',
    ...page(() => import('../features/cases/components/case-map-page')),
  },
  {
    path: '/cases/hotspots',
    label: { zh: '热点问题', en: 'Hotspots' },
    icon: FireOutlined,
    roles: CITY_STAFF,
    group: 'loop',
    ...page(() => import('../features/cases/components/hotspots-page')),
  },
  {
    path: '/revisits',
    label: { zh: '回头看', en: 'Re-inspections' },
    icon: HistoryOutlined,
    roles: ['office', 'leader', 'inspector', 'grid_worker'],
    group: 'loop',
    ...page(() => import('../features/cases/components/revisits-page')),
  },
  {
    path: '/cases/:id',
    label: { zh: '案件详情', en: 'Case' },
    icon: ProfileOutlined,
    roles: CITY_STAFF,
    hidden: true,
    ...page(() => import('../features/cases/components/case-detail-page')),
  },
  {
    path: '/dispatch',
    label: { zh: '派遣台', en: 'Dispatch board' },
    icon: SendOutlined,
    roles: ['office'],
    group: 'loop',
    ...page(() => import('../features/cases/components/dispatch-board-page')),
  },
  {
    path: '/inbox',
    label: { zh: '本单位待办', en: 'Unit inbox' },
    icon: InboxOutlined,
    roles: ['unit'],
    group: 'loop',
    ...page(() => import('../features/cases/components/inbox-page')),
  },
  {
    path: '/verify',
    label: { zh: '核查队列', en: 'Verification queue' },
    icon: CheckSquareOutlined,
    roles: ['office', 'inspector', 'grid_worker'],
    group: 'loop',
    ...page(() => import('../features/cases/components/verify-page')),
  },
  {
    path: '/kpis',
    label: { zh: '绩效考核', en: 'KPIs' },
    icon: BarChartOutlined,
    roles: ['office', 'leader', 'unit'],
    group: 'loop',
    ...page(() => import('../features/kpis/components/kpis-page')),
  },
  {
    path: '/exposure',
    label: { zh: '曝光台管理', en: 'Exposure board' },
    icon: NotificationOutlined,
    roles: ['office', 'leader'],
    group: 'loop',
    ...page(() => import('../features/exposure/components/exposure-page')),
  },
  {
    path: '/rectlists',
    label: { zh: '整改清单', en: 'Rectification lists' },
    icon: ProfileOutlined,
    roles: ['office', 'leader'],
    group: 'loop',
    ...page(() => import('../features/rectlists/components/rectlists-page')),
  },
  {
    path: '/rectlists/:id',
    label: { zh: '整改清单详情', en: 'Rectification list' },
    icon: ProfileOutlined,
    roles: ['office', 'leader'],
    group: 'loop',
    hidden: true,
    ...page(() => import('../features/rectlists/components/rectlist-page')),
  },
  {
    path: '/supervision',
    label: { zh: '督办单', en: 'Supervision orders' },
    icon: AuditOutlined,
    roles: ['office', 'leader', 'unit', 'inspector'],
    group: 'loop',
    ...page(() => import('../features/supervision/components/supervision-page')),
  },
  {
    path: '/supervision/:id',
    label: { zh: '督办单详情', en: 'Supervision order' },
    icon: AuditOutlined,
    roles: ['office', 'leader', 'unit', 'inspector', 'grid_worker'],
    group: 'loop',
    hidden: true,
    ...page(() => import('../features/supervision/components/supervision-order-page')),
  },
  {
    path: '/accountability',
    label: { zh: '问责登记', en: 'Accountability' },
    icon: AuditOutlined,
    roles: ['office', 'leader', 'unit'],
    group: 'loop',
    ...page(() => import('../features/accountability/components/accountability-page')),
  },
  {
    path: '/readiness',
    label: { zh: '迎检态势', en: 'Readiness' },
    icon: DashboardOutlined,
    roles: ['office', 'leader', 'inspector'],
    group: 'campaign',
    ...page(() => import('../features/assessments/components/readiness-page')),
  },
  {
    path: '/campaigns',
    label: { zh: '创建活动', en: 'Campaigns' },
    icon: FlagOutlined,
    roles: ['admin', 'office', 'leader', 'inspector', 'unit'],
    group: 'campaign',
    ...page(() => import('../features/campaigns/components/campaigns-page')),
  },
  {
    path: '/campaigns/:id',
    label: { zh: '活动详情', en: 'Campaign' },
    icon: FlagOutlined,
    roles: ['admin', 'office', 'leader', 'inspector', 'unit'],
    hidden: true,
    ...page(() => import('../features/campaigns/components/campaign-detail-page')),
  },
  {
    path: '/rounds',
    label: { zh: '测评轮次', en: 'Assessment rounds' },
    icon: ScheduleOutlined,
    roles: ['office', 'leader', 'inspector'],
    group: 'campaign',
    ...page(() => import('../features/assessments/components/rounds-page')),
  },
  {
    path: '/rounds/:id',
    label: { zh: '测评评分', en: 'Round' },
    icon: ScheduleOutlined,
    roles: ['office', 'leader', 'inspector'],
    hidden: true,
    ...page(() => import('../features/assessments/components/round-detail-page')),
  },
  {
    path: '/evidence',
    label: { zh: '台账资料', en: 'Evidence archive' },
    icon: FolderOpenOutlined,
    roles: ['office', 'leader', 'inspector', 'unit'],
    group: 'campaign',
    ...page(() => import('../features/evidence/components/evidence-page')),
  },
  {
    path: '/standards',
    label: { zh: '考核标准', en: 'Standards' },
    icon: ReadOutlined,
    roles: ['admin', 'office', 'leader', 'inspector'],
    group: 'campaign',
    ...page(() => import('../features/standards/components/standards-page')),
  },
  {
    path: '/standards/:id',
    label: { zh: '标准详情', en: 'Standard' },
    icon: ReadOutlined,
    roles: ['admin', 'office', 'leader', 'inspector'],
    hidden: true,
    ...page(() => import('../features/standards/components/standard-detail-page')),
  },
  {
    path: '/catalog',
    label: { zh: '问题分类', en: 'Categories' },
    icon: PartitionOutlined,
    roles: ['admin', 'office', 'leader'],
    group: 'system',
    ...page(() => import('../features/catalog/components/catalog-page')),
  },
  {
    path: '/trades',
    label: { zh: '行业主管', en: 'Trade oversight' },
    icon: PartitionOutlined,
    roles: ['admin', 'office', 'leader'],
    group: 'system',
    ...page(() => import('../features/catalog/components/trades-page')),
  },
  {
    path: '/routing-rules',
    label: { zh: '派遣规则', en: 'Routing rules' },
    icon: NodeIndexOutlined,
    roles: ['admin', 'office'],
    group: 'system',
    ...page(() => import('../features/catalog/components/routing-rules-page')),
  },
  {
    path: '/calendar',
    label: { zh: '工作日历', en: 'Working calendar' },
    icon: CalendarOutlined,
    roles: ['admin', 'office'],
    group: 'system',
    ...page(() => import('../features/catalog/components/calendar-page')),
  },
  {
    path: '/open311-keys',
    label: { zh: 'Open311 接口密钥', en: 'Open311 API keys' },
    icon: ApiOutlined,
    roles: ['admin', 'office'],
    group: 'system',
    ...page(() => import('../features/open311/keys-page')),
  },
  {
    path: '/regions',
    label: { zh: '行政区划', en: 'Regions' },
    icon: ApartmentOutlined,
    roles: ['admin', 'office', 'leader'],
    group: 'org',
    ...page(() => import('../features/regions/components/regions-page')),
  },
  {
    path: '/units',
    label: { zh: '单位', en: 'Units' },
    icon: BankOutlined,
    roles: ['admin', 'office', 'leader', 'unit'],
    group: 'org',
    ...page(() => import('../features/units/components/units-page')),
  },
  {
    path: '/people',
    label: { zh: '人员', en: 'People' },
    icon: TeamOutlined,
    roles: ['admin', 'office', 'unit'],
    group: 'org',
    ...page(() => import('../features/people/components/people-page')),
  },
  {
    path: '/blocks',
    label: { zh: '责任区块', en: 'Blocks' },
    icon: BuildOutlined,
    roles: ['admin', 'office', 'leader'],
    group: 'org',
    ...page(() => import('../features/blocks/components/blocks-page')),
  },
  {
    path: '/grids',
    label: { zh: '网格', en: 'Grids' },
    icon: BorderOuterOutlined,
    roles: ['admin', 'office', 'leader', 'grid_worker', 'inspector'],
    group: 'org',
    ...page(() => import('../features/grids/components/grids-page')),
  },
  {
    path: '/imports',
    label: { zh: '数据导入', en: 'Data import' },
    icon: CloudUploadOutlined,
    roles: ['admin', 'office'],
    ...page(() => import('../features/imports/components/imports-page')),
  },
  {
    path: '/users',
    label: { zh: '用户管理', en: 'Users' },
    icon: UserOutlined,
    roles: ['admin'],
    group: 'system',
    ...page(() => import('../features/users/components/users-page')),
  },
  {
    path: '/audit',
    label: { zh: '审计日志', en: 'Audit log' },
    icon: AuditOutlined,
    roles: ['admin'],
    group: 'system',
    ...page(() => import('../features/audit/components/audit-page')),
  },
];

export function canOpen(route: AppRoute, role: Role): boolean {
  return route.roles.includes(role);
}

/** The route a location belongs to: an exact or parameterised match first, then the nearest parent page. */
export function routeOf(pathname: string): AppRoute | undefined {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return (
    ROUTES.find((r) => r.path === clean) ??
    ROUTES.find((r) => r.path.includes(':') && matchPath(r.path, clean)) ??
    ROUTES.find((r) => r.path !== '/' && clean.startsWith(`${r.path}/`))
  );
}

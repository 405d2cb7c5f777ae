import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BorderOuterOutlined,
  BuildOutlined,
  CloudUploadOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Label, Role } from '@chuangcheng/contracts';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';

export type MenuGroup = 'org' | 'system';

/** One page of the console: this table drives the router, the menu, breadcrumbs, titles and access. */
export interface AppRoute {
  path: string;
  label: Label;
  icon: ComponentType;
  /** Roles that see the page in the menu and may open it. */
  roles: readonly Role[];
  /** Menu group (a sub-menu); pages without one sit at the top level. */
  group?: MenuGroup;
  /** 'full': the page fills the content area edge to edge (the map). */
  layout?: 'full';
  component: LazyExoticComponent<ComponentType>;
  /** Starts loading the page's chunk (the router calls it for the first page, in parallel with the session). */
  preload: () => Promise<unknown>;
}

export const MENU_GROUPS: Record<MenuGroup, { label: Label; icon: ComponentType }> = {
  org: { label: { zh: '基础数据', en: 'Master data' }, icon: DatabaseOutlined },
  system: { label: { zh: '系统管理', en: 'Administration' }, icon: SettingOutlined },
};

type PageModule = { default: ComponentType };

function page(load: () => Promise<PageModule>): Pick<AppRoute, 'component' | 'preload'> {
  return { component: lazy(load), preload: load };
}

const EVERYONE: readonly Role[] = ['admin', 'office', 'leader', 'unit', 'grid_worker', 'inspector'];

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

/** The route a location belongs to ('/units' for '/units', '/' only for '/'). */
export function routeOf(pathname: string): AppRoute | undefined {
  const clean = pathname.replace(/\/+$/, '') || '/';
  return (
    ROUTES.find((r) => r.path === clean) ??
    ROUTES.find((r) => r.path !== '/' && clean.startsWith(`${r.path}/`))
  );
}

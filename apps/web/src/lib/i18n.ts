import type { Label, Locale } from '@chuangcheng/contracts';
import { useMemo, useSyncExternalStore } from 'react';

/**
 * UI strings that are not enum labels (those live in @chuangcheng/contracts).
 * Chinese is the product's language; English is the switch. `{name}` placeholders are filled by `t`.
 */
const messages = {
  'app.name': { zh: '创城', en: 'Chuangcheng' },
  'app.subtitle': { zh: '城市创建工作管理平台', en: 'City campaign management platform' },
  'app.console': { zh: '创城管理平台', en: 'Chuangcheng console' },

  'common.search': { zh: '搜索', en: 'Search' },
  'common.searchPlaceholder': { zh: '输入名称或编码搜索', en: 'Search by name or code' },
  'common.create': { zh: '新增', en: 'New' },
  'common.edit': { zh: '编辑', en: 'Edit' },
  'common.delete': { zh: '删除', en: 'Delete' },
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.confirm': { zh: '确定', en: 'OK' },
  'common.close': { zh: '关闭', en: 'Close' },
  'common.actions': { zh: '操作', en: 'Actions' },
  'common.export': { zh: '导出 Excel', en: 'Export Excel' },
  'common.import': { zh: '导入', en: 'Import' },
  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.reset': { zh: '重置', en: 'Reset' },
  'common.all': { zh: '全部', en: 'All' },
  'common.none': { zh: '无', en: 'None' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.code': { zh: '编码', en: 'Code' },
  'common.name': { zh: '名称', en: 'Name' },
  'common.note': { zh: '备注', en: 'Note' },
  'common.total': { zh: '共 {n} 条', en: '{n} in total' },
  'common.deleteConfirm': { zh: '确定删除“{name}”吗？', en: 'Delete “{name}”?' },
  'common.deleted': { zh: '已删除', en: 'Deleted' },
  'common.saved': { zh: '已保存', en: 'Saved' },
  'common.created': { zh: '已新增', en: 'Created' },
  'common.exporting': { zh: '正在导出…', en: 'Exporting…' },
  'common.loading': { zh: '加载中…', en: 'Loading…' },
  'common.loadFailed': { zh: '加载失败', en: 'Failed to load' },
  'common.retry': { zh: '重试', en: 'Retry' },
  'common.required': { zh: '请填写{field}', en: '{field} is required' },
  'common.select': { zh: '请选择', en: 'Select' },
  'common.readOnly': { zh: '只读', en: 'Read-only' },
  'common.back': { zh: '返回', en: 'Back' },
  'common.viewOnMap': { zh: '地图', en: 'Map' },
  'common.menu': { zh: '菜单', en: 'Menu' },
  'common.filters': { zh: '筛选', en: 'Filters' },

  'error.network': { zh: '无法连接服务器，请检查网络', en: 'Cannot reach the server; check the network' },
  'error.unknown': { zh: '操作失败', en: 'The operation failed' },
  'error.forbiddenPage': { zh: '您的角色无权访问此页面', en: 'Your role may not open this page' },
  'error.notFoundPage': { zh: '页面不存在', en: 'Page not found' },
  'error.backHome': { zh: '返回首页', en: 'Back to the overview' },
  'error.pageCrashed': { zh: '页面出错了', en: 'Something went wrong on this page' },

  'auth.login': { zh: '登录', en: 'Log in' },
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.usernameRequired': { zh: '请输入用户名', en: 'Enter your username' },
  'auth.passwordRequired': { zh: '请输入密码', en: 'Enter your password' },
  'auth.lockedUntil': { zh: '解锁时间：{time}', en: 'Unlocks at {time}' },
  'auth.logout': { zh: '退出登录', en: 'Log out' },
  'auth.changePassword': { zh: '修改密码', en: 'Change password' },
  'auth.currentPassword': { zh: '当前密码', en: 'Current password' },
  'auth.newPassword': { zh: '新密码', en: 'New password' },
  'auth.confirmPassword': { zh: '确认新密码', en: 'Confirm new password' },
  'auth.passwordMismatch': { zh: '两次输入的密码不一致', en: 'The passwords do not match' },
  'auth.passwordChanged': { zh: '密码已修改', en: 'Password changed' },
  'auth.loggedOut': { zh: '已退出登录', en: 'Logged out' },
  'auth.footer': {
    zh: '仅限授权人员使用，所有操作均记录审计日志',
    en: 'Authorised staff only; every action is audited',
  },

  'layout.language': { zh: 'English', en: '中文' },
  'layout.languageTitle': { zh: '切换语言', en: 'Switch language' },
  'layout.scopeAll': { zh: '全部辖区', en: 'All regions' },

  'overview.welcome': { zh: '{name}，您好', en: 'Hello, {name}' },
  'overview.scope': { zh: '我的权限范围', en: 'My scope' },
  'overview.role': { zh: '角色', en: 'Role' },
  'overview.region': { zh: '辖区', en: 'Region' },
  'overview.unit': { zh: '所属单位', en: 'Unit' },
  'overview.counts': { zh: '基础数据概况', en: 'Master data at a glance' },
  'overview.regions': { zh: '行政区划', en: 'Regions' },
  'overview.units': { zh: '单位', en: 'Units' },
  'overview.people': { zh: '人员', en: 'People' },
  'overview.grids': { zh: '网格', en: 'Grids' },
  'overview.blocks': { zh: '责任区块', en: 'Blocks' },
  'overview.quickLinks': { zh: '快捷入口', en: 'Quick links' },

  'regions.tree': { zh: '区划树', en: 'Region tree' },
  'regions.detail': { zh: '区划详情', en: 'Region details' },
  'regions.level': { zh: '级别', en: 'Level' },
  'regions.parent': { zh: '上级区划', en: 'Parent' },
  'regions.childCount': { zh: '下级数量', en: 'Children' },
  'regions.addChild': { zh: '新增下级', en: 'Add child' },
  'regions.addRoot': { zh: '新增市级区划', en: 'Add a city' },
  'regions.rename': { zh: '重命名', en: 'Rename' },
  'regions.selectHint': { zh: '在左侧选择一个区划查看详情', en: 'Select a region on the left' },
  'regions.codeHint': { zh: '{level}编码为 {n} 位数字', en: 'A {level} code has {n} digits' },
  'regions.filter': { zh: '按名称或编码过滤', en: 'Filter by name or code' },
  'regions.empty': { zh: '还没有行政区划，可从“数据导入”或“新增”开始', en: 'No regions yet' },

  'units.kind': { zh: '类型', en: 'Kind' },
  'units.region': { zh: '所属区划', en: 'Region' },
  'units.parent': { zh: '上级单位', en: 'Parent unit' },
  'units.contactName': { zh: '联系人', en: 'Contact' },
  'units.contactPhone': { zh: '联系电话', en: 'Phone' },
  'units.address': { zh: '地址', en: 'Address' },
  'units.createTitle': { zh: '新增单位', en: 'New unit' },
  'units.editTitle': { zh: '编辑单位', en: 'Edit unit' },

  'people.name': { zh: '姓名', en: 'Name' },
  'people.unit': { zh: '所在单位', en: 'Unit' },
  'people.title': { zh: '职务', en: 'Title' },
  'people.phone': { zh: '手机/电话', en: 'Phone' },
  'people.duties': { zh: '职责', en: 'Duties' },
  'people.account': { zh: '系统账号', en: 'Account' },
  'people.searchPlaceholder': { zh: '输入姓名、职务或电话搜索', en: 'Search by name, title or phone' },
  'people.createTitle': { zh: '新增人员', en: 'New person' },
  'people.editTitle': { zh: '编辑人员', en: 'Edit person' },

  'blocks.leadUnit': { zh: '牵头单位', en: 'Lead unit' },
  'blocks.responsibleUnits': { zh: '责任单位', en: 'Responsible units' },
  'blocks.leader': { zh: '包保领导', en: 'Sponsoring leader' },
  'blocks.gridCount': { zh: '网格数', en: 'Grids' },
  'blocks.gridCodes': { zh: '包含网格编码', en: 'Grid codes' },
  'blocks.gridCodesHint': {
    zh: '每行一个网格编码；留空则不修改网格归属',
    en: 'One grid code per line; leave empty to keep the current grids',
  },
  'blocks.createTitle': { zh: '新增责任区块', en: 'New block' },
  'blocks.editTitle': { zh: '编辑责任区块', en: 'Edit block' },

  'grids.community': { zh: '社区/村', en: 'Community' },
  'grids.street': { zh: '街道/乡镇', en: 'Street' },
  'grids.district': { zh: '区县', en: 'District' },
  'grids.block': { zh: '责任区块', en: 'Block' },
  'grids.leadUnit': { zh: '牵头单位', en: 'Lead unit' },
  'grids.memberUnits': { zh: '责任单位', en: 'Responsible units' },
  'grids.area': { zh: '面积', en: 'Area' },
  'grids.validFrom': { zh: '生效日期', en: 'Valid from' },
  'grids.validTo': { zh: '失效日期', en: 'Valid to' },
  'grids.asOf': { zh: '历史日期', en: 'As of' },
  'grids.region': { zh: '所属区划', en: 'Region' },
  'grids.geometry': { zh: '边界（GeoJSON 几何）', en: 'Boundary (GeoJSON geometry)' },
  'grids.geometryHint': {
    zh: '粘贴 Polygon 或 MultiPolygon 的 geometry（WGS84 经纬度）。批量导入请使用“数据导入”。',
    en: 'Paste a Polygon or MultiPolygon geometry (WGS84). Use Data import for many grids.',
  },
  'grids.geometryKeep': {
    zh: '留空则不修改边界（修改边界会生成新的历史版本）',
    en: 'Leave empty to keep the boundary',
  },
  'grids.geometryInvalid': { zh: '不是合法的 GeoJSON 几何', en: 'Not a valid GeoJSON geometry' },
  'grids.createTitle': { zh: '新增网格', en: 'New grid' },
  'grids.editTitle': { zh: '编辑网格', en: 'Edit grid' },

  'map.search': { zh: '搜索网格编码或名称', en: 'Search grid code or name' },
  'map.locate': { zh: '定位', en: 'Locate' },
  'map.locateHint': { zh: '在地图上点击任意位置，查询其所属网格', en: 'Click anywhere to find its grid' },
  'map.myLocation': { zh: '我的位置', en: 'My location' },
  'map.legend': { zh: '图例：责任区块', en: 'Legend: blocks' },
  'map.noBlock': { zh: '未划入区块', en: 'No block' },
  'map.gridCount': { zh: '{n} 个网格', en: '{n} grids' },
  'map.history': { zh: '历史版本', en: 'Versions' },
  'map.current': { zh: '当前', en: 'current' },
  'map.locateResult': { zh: '定位结果', en: 'Location' },
  'map.outside': { zh: '该位置不在任何网格内', en: 'This point is outside every grid' },
  'map.viewGrid': { zh: '查看该网格', en: 'Open this grid' },
  'map.coordinates': { zh: '坐标', en: 'Coordinates' },
  'map.noGrids': { zh: '权限范围内还没有网格，请先导入网格边界', en: 'No grids in your scope yet' },
  'map.loadingGrids': { zh: '正在加载网格…', en: 'Loading grids…' },
  'map.geolocationFailed': { zh: '无法获取当前位置', en: 'Cannot get your position' },

  'imports.kind': { zh: '选择类型', en: 'Kind' },
  'imports.upload': { zh: '上传文件', en: 'Upload' },
  'imports.mapping': { zh: '字段对应', en: 'Field mapping' },
  'imports.check': { zh: '校验结果', en: 'Check' },
  'imports.done': { zh: '完成', en: 'Done' },
  'imports.template': { zh: '下载模板', en: 'Download template' },
  'imports.templateHint': {
    zh: '请使用模板填写，第一行为表头，不要修改列名。',
    en: 'Fill in the template; keep the header row as it is.',
  },
  'imports.geojsonHint': {
    zh: '上传 GeoJSON FeatureCollection（WGS84 / CGCS2000 经纬度），每个要素为一个网格。',
    en: 'Upload a GeoJSON FeatureCollection (WGS84 / CGCS2000); one feature per grid.',
  },
  'imports.drop': { zh: '点击或拖拽文件到此处', en: 'Click or drop a file here' },
  'imports.accept': { zh: '支持 {ext}，单个文件', en: 'Accepts {ext}, one file' },
  'imports.next': { zh: '下一步', en: 'Next' },
  'imports.prev': { zh: '上一步', en: 'Back' },
  'imports.validate': { zh: '开始校验', en: 'Check the file' },
  'imports.uploading': { zh: '正在上传并校验…', en: 'Uploading and checking…' },
  'imports.importing': { zh: '正在导入…', en: 'Importing…' },
  'imports.rowErrors': {
    zh: '发现 {n} 处错误，未写入任何数据。请修改文件后重新上传。',
    en: '{n} problems found; nothing was written.',
  },
  'imports.row': { zh: '行', en: 'Row' },
  'imports.column': { zh: '列', en: 'Column' },
  'imports.reason': { zh: '原因', en: 'Reason' },
  'imports.summary': {
    zh: '校验通过：共 {total} 行，将新增 {created} 条，更新 {updated} 条',
    en: 'Valid: {total} rows, {created} new, {updated} updated',
  },
  'imports.dryRunNote': {
    zh: '这是预检结果，尚未写入数据。',
    en: 'This is a dry run; nothing is written yet.',
  },
  'imports.confirm': { zh: '确认导入', en: 'Import now' },
  'imports.reupload': { zh: '重新上传', en: 'Upload another file' },
  'imports.success': { zh: '导入完成', en: 'Import finished' },
  'imports.result': {
    zh: '新增 {created} 条，更新 {updated} 条（共 {total} 行）',
    en: '{created} created, {updated} updated ({total} rows)',
  },
  'imports.again': { zh: '继续导入', en: 'Import more' },
  'imports.open': { zh: '查看数据', en: 'Open the list' },
  'imports.fileChosen': { zh: '已选择：{name}', en: 'Chosen: {name}' },
  'imports.mapCode': { zh: '网格编码字段', en: 'Grid code property' },
  'imports.mapName': { zh: '网格名称字段', en: 'Grid name property' },
  'imports.mapCommunity': { zh: '社区编码字段', en: 'Community code property' },
  'imports.mapBlock': { zh: '责任区块编码字段（可选）', en: 'Block code property (optional)' },
  'imports.mapLeadUnit': { zh: '牵头单位编码字段（可选）', en: 'Lead unit code property (optional)' },
  'imports.mapHint': {
    zh: '从文件中读到 {n} 个要素，属性：{props}',
    en: '{n} features read; properties: {props}',
  },
  'imports.badGeojson': {
    zh: '文件不是合法的 GeoJSON FeatureCollection',
    en: 'Not a GeoJSON FeatureCollection',
  },
  'imports.sample': { zh: '示例值', en: 'Sample' },

  'users.searchPlaceholder': { zh: '输入用户名或姓名搜索', en: 'Search by username or name' },
  'users.username': { zh: '用户名', en: 'Username' },
  'users.displayName': { zh: '姓名', en: 'Display name' },
  'users.role': { zh: '角色', en: 'Role' },
  'users.region': { zh: '管辖区划', en: 'Scope region' },
  'users.unit': { zh: '所属单位', en: 'Unit' },
  'users.status': { zh: '状态', en: 'Status' },
  'users.enabled': { zh: '正常', en: 'Active' },
  'users.disabled': { zh: '已停用', en: 'Disabled' },
  'users.locked': { zh: '已锁定', en: 'Locked' },
  'users.lastLogin': { zh: '最近登录', en: 'Last login' },
  'users.disable': { zh: '停用', en: 'Disable' },
  'users.enable': { zh: '启用', en: 'Enable' },
  'users.resetPassword': { zh: '重置密码', en: 'Reset password' },
  'users.resetDone': { zh: '密码已重置，请将新密码告知本人', en: 'Password reset; tell the user' },
  'users.createTitle': { zh: '新增用户', en: 'New user' },
  'users.editTitle': { zh: '编辑用户', en: 'Edit user' },
  'users.initialPassword': { zh: '初始密码', en: 'Initial password' },
  'users.regionHint': { zh: '留空表示全市范围', en: 'Empty means the whole city' },
  'users.disableConfirm': {
    zh: '停用后该用户将无法登录，确定吗？',
    en: 'The user will not be able to log in. Continue?',
  },

  'audit.at': { zh: '时间', en: 'Time' },
  'audit.actor': { zh: '操作人', en: 'Actor' },
  'audit.action': { zh: '动作', en: 'Action' },
  'audit.entityType': { zh: '对象类型', en: 'Entity' },
  'audit.entityId': { zh: '对象 ID', en: 'Entity id' },
  'audit.ip': { zh: 'IP', en: 'IP' },
  'audit.before': { zh: '修改前', en: 'Before' },
  'audit.after': { zh: '修改后', en: 'After' },
  'audit.requestId': { zh: '请求 ID', en: 'Request id' },
  'audit.system': { zh: '系统', en: 'System' },
  'audit.entity.user': { zh: '用户', en: 'User' },
  'audit.entity.region': { zh: '行政区划', en: 'Region' },
  'audit.entity.unit': { zh: '单位', en: 'Unit' },
  'audit.entity.person': { zh: '人员', en: 'Person' },
  'audit.entity.block': { zh: '责任区块', en: 'Block' },
  'audit.entity.grid': { zh: '网格', en: 'Grid' },
} as const satisfies Record<string, Label>;

export type MessageKey = keyof typeof messages;
export type { Locale };

const STORAGE_KEY = 'chuangcheng.locale';

function readInitialLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored === 'zh' || stored === 'en') return stored;
  } catch {
    // storage may be unavailable (private mode); Chinese is the default anyway
  }
  return 'zh';
}

let currentLocale: Locale = readInitialLocale();
const listeners = new Set<() => void>();

function applyDocumentLang(locale: Locale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
}
applyDocumentLang(currentLocale);

export function getLocale(): Locale {
  return currentLocale;
}

/** Switches the UI language and remembers it in localStorage. */
export function setLocale(locale: Locale): void {
  if (locale === currentLocale) return;
  currentLocale = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // not persisted: the switch still applies to this tab
  }
  applyDocumentLang(locale);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Vars = Record<string, string | number>;

export function translate(key: MessageKey, vars?: Vars, locale: Locale = currentLocale): string {
  const text: string = messages[key][locale];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, vars?: Vars) => string;
  /** Picks the current language of a contracts label ({zh, en}). */
  l: (label: Label | undefined | null) => string;
}

/** The current language with its translate helpers; re-renders on switch. */
export function useI18n(): I18n {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  return useMemo(
    () => ({
      locale,
      t: (key: MessageKey, vars?: Vars) => translate(key, vars, locale),
      l: (label: Label | undefined | null) => (label ? label[locale] : ''),
    }),
    [locale],
  );
}

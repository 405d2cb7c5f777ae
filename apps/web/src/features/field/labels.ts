import type { CaseStatus, Label, Light } from '@chuangcheng/contracts';

/**
 * The field app's own words (enum labels come from @chuangcheng/contracts). Kept beside the feature,
 * in the same {zh, en} shape as the contracts' labels, so the language switch applies here too.
 */
export const FL = {
  appName: { zh: '网格通', en: 'Field app' },
  tabCases: { zh: '我的案件', en: 'My cases' },
  tabReport: { zh: '上报', en: 'Report' },
  tabVerify: { zh: '核查', en: 'Check' },
  tabMe: { zh: '我的', en: 'Me' },
  back: { zh: '返回', en: 'Back' },
  offline: { zh: '离线', en: 'Offline' },
  offlineBanner: {
    zh: '离线模式：上报会先存在手机上，联网后自动发送',
    en: 'Offline: reports are kept on the phone and sent when the network is back',
  },
  offlineStart: {
    zh: '未联网，显示的是上次登录的账号',
    en: 'No network: showing the last signed-in account',
  },

  // 我的案件
  filterOpen: { zh: '办理中', en: 'Open' },
  filterFeedback: { zh: '待核查', en: 'To check' },
  filterClosed: { zh: '已结案', en: 'Closed' },
  filterAll: { zh: '全部', en: 'All' },
  viewList: { zh: '列表', en: 'List' },
  viewMap: { zh: '地图', en: 'Map' },
  searchCases: { zh: '搜索案件号、描述、地址', en: 'Search number, description, address' },
  loadMore: { zh: '加载更多', en: 'Load more' },
  noCases: { zh: '暂无案件', en: 'No cases' },
  listOffline: { zh: '离线：联网后显示案件', en: 'Offline: cases show when the network is back' },
  countCases: { zh: '共 {n} 件', en: '{n} cases' },
  mapTruncated: { zh: '案件过多，仅显示 {n} 件', en: 'Too many cases: {n} shown' },
  openCase: { zh: '查看', en: 'Open' },
  refresh: { zh: '刷新', en: 'Refresh' },

  // 案件
  caseInfo: { zh: '案件信息', en: 'Case' },
  category: { zh: '问题类别', en: 'Category' },
  description: { zh: '问题描述', en: 'Description' },
  address: { zh: '地址', en: 'Address' },
  grid: { zh: '网格', en: 'Grid' },
  leadUnit: { zh: '责任单位', en: 'Unit' },
  deadline: { zh: '处置时限', en: 'Deadline' },
  reportedAt: { zh: '上报时间', en: 'Reported' },
  before: { zh: '处置前', en: 'Before' },
  after: { zh: '处置后', en: 'After' },
  timeline: { zh: '办理过程', en: 'History' },
  noActions: { zh: '当前没有需要您办理的操作', en: 'Nothing for you to do now' },
  onDesktop: { zh: '请在电脑版办理', en: 'Use the desktop console for this' },
  openOnDesktop: { zh: '电脑版详情', en: 'Open in console' },
  reason: { zh: '理由', en: 'Reason' },
  note: { zh: '意见 / 说明', en: 'Note' },
  afterPhotos: { zh: '处置后照片', en: 'After-photos' },
  afterPhotoRequired: { zh: '请拍摄处置后照片', en: 'Take an after-photo' },
  reasonRequired: { zh: '请填写理由', en: 'Give a reason' },
  actionDone: { zh: '{number}：{action}成功', en: '{number}: {action} done' },
  caseChanged: {
    zh: '案件已被他人处理，已刷新为最新状态',
    en: 'Someone acted on the case first; it was reloaded',
  },
  confirm: { zh: '确认{action}？', en: 'Confirm: {action}?' },
  rectifierHint: {
    zh: '整改人不能核查自己的整改',
    en: 'The rectifier does not verify their own work',
  },

  // 上报
  photos: { zh: '现场照片', en: 'Photos' },
  takePhoto: { zh: '拍照', en: 'Camera' },
  fromAlbum: { zh: '相册', en: 'Album' },
  photoRequired: { zh: '请至少拍一张现场照片', en: 'Take at least one photo' },
  photoNoFix: { zh: '无定位', en: 'No position' },
  photoPreparing: { zh: '处理中…', en: 'Preparing…' },
  photoBadType: { zh: '只能上传 JPEG、PNG 或 WebP 图片', en: 'JPEG, PNG or WebP only' },
  maxPhotos: { zh: '最多 9 张', en: 'At most 9' },
  pickCategory: { zh: '选择问题类别', en: 'Pick a category' },
  searchCategory: { zh: '输入名称或编码搜索', en: 'Search by name or code' },
  recentCategories: { zh: '最近使用', en: 'Recent' },
  noCategory: { zh: '没有匹配的类别', en: 'No matching category' },
  categoryRequired: { zh: '请选择问题类别', en: 'Pick a category' },
  condition: { zh: '立案条件', en: 'Filing condition' },
  describe: { zh: '简要描述问题（至少 2 个字）', en: 'Describe the problem (2+ characters)' },
  descriptionRequired: { zh: '请填写问题描述（至少 2 个字）', en: 'Describe the problem (2+ characters)' },
  location: { zh: '位置', en: 'Location' },
  locating: { zh: '正在定位…', en: 'Locating…' },
  locationFromPhoto: { zh: '拍照时的定位', en: 'Where the photo was taken' },
  locationFromPin: { zh: '地图上选定', en: 'Picked on the map' },
  locationFromDevice: { zh: '当前定位', en: 'Current position' },
  locationRequired: {
    zh: '没有定位：请允许定位，或在地图上选择位置',
    en: 'No position: allow location or pick it on the map',
  },
  locationDenied: { zh: '定位被拒绝，请在地图上选择位置', en: 'Location denied: pick it on the map' },
  adjustPin: { zh: '地图选点', en: 'Adjust on map' },
  pinHint: { zh: '点击地图设定问题位置', en: 'Tap the map to set the location' },
  pinDone: { zh: '确定', en: 'Done' },
  useMyPosition: { zh: '回到当前位置', en: 'My position' },
  outsideGrids: { zh: '不在任何网格内，将由属地兜底', en: 'Outside every grid' },
  locateOffline: { zh: '离线：发送时再确定所属网格', en: 'Offline: the grid is found when sent' },
  addressPlaceholder: { zh: '门牌、路口、标志物（可选）', en: 'Street number, landmark (optional)' },
  selfHandled: { zh: '现场自处理', en: 'Handled on the spot' },
  selfHandledHint: {
    zh: '已当场处置：须拍处置后照片，由创建办确认后结案',
    en: 'Fixed on the spot: add after-photos; the office confirms',
  },
  submit: { zh: '上报', en: 'Send report' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  sending: { zh: '正在发送…', en: 'Sending…' },
  savedOffline: {
    zh: '已保存到待发送，联网后自动发送',
    en: 'Saved to the outbox; it goes out when the network is back',
  },
  reported: { zh: '已上报，案件号 {number}', en: 'Reported: case {number}' },
  reportRefused: { zh: '上报未被接受：{message}', en: 'Report refused: {message}' },

  // 待发送
  outbox: { zh: '待发送', en: 'Outbox' },
  outboxCount: { zh: '待发送 ({n})', en: 'Outbox ({n})' },
  sendNow: { zh: '立即发送', en: 'Send now' },
  retry: { zh: '重试', en: 'Retry' },
  remove: { zh: '删除', en: 'Delete' },
  removeConfirm: { zh: '删除这条未发送的上报？', en: 'Delete this unsent report?' },
  entryPending: { zh: '等待发送', en: 'Waiting' },
  entryFailed: { zh: '发送失败', en: 'Refused' },
  entryUploaded: { zh: '照片已传 {done}/{all}', en: 'Photos {done}/{all} sent' },
  entryRetryAt: { zh: '{time} 后重试', en: 'Retry after {time}' },
  outboxSent: { zh: '已发送 {n} 条上报：{numbers}', en: '{n} reports sent: {numbers}' },
  outboxRefused: { zh: '{n} 条上报未被接受，请查看待发送', en: '{n} reports refused: see the outbox' },
  outboxLogin: { zh: '登录已失效，重新登录后发送', en: 'Log in again to send' },
  outboxOffline: { zh: '无网络，联网后自动发送', en: 'No network: sent when it is back' },

  // 核查
  toVerify: { zh: '待核查', en: 'Rectified' },
  toConfirm: { zh: '待核实', en: 'New reports' },
  verifyHint: {
    zh: '单位已整改的案件：到现场核对后通过或返工',
    en: 'Rectified cases: check on site, then close or send back',
  },
  confirmHint: {
    zh: '新上报的问题：到现场核实情况',
    en: 'New reports: confirm them on site',
  },

  // 我的
  pendingReports: { zh: '待发送的上报', en: 'Unsent reports' },
  console: { zh: '电脑版', en: 'Desktop console' },
  install: { zh: '添加到主屏幕', en: 'Install on home screen' },
  installed: { zh: '已安装为应用', en: 'Installed as an app' },
  logout: { zh: '退出登录', en: 'Log out' },
  logoutPending: {
    zh: '还有 {n} 条上报未发送，下次登录后会继续发送。确定退出？',
    en: '{n} reports are unsent; they go out after the next login. Log out?',
  },
  language: { zh: 'English', en: '中文' },
} as const satisfies Record<string, Label>;

/** Fills `{name}` placeholders. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** antd Tag colours per status (the console's palette). */
export const STATUS_COLORS: Record<CaseStatus, string> = {
  reported: 'orange',
  filed: 'gold',
  dispatched: 'blue',
  returned: 'magenta',
  in_progress: 'geekblue',
  feedback: 'purple',
  parked: 'default',
  self_handled: 'cyan',
  closed: 'green',
  voided: 'default',
};

export function lightColor(light: Light | null | undefined): string {
  if (light === 'red') return '#f5222d';
  if (light === 'yellow') return '#faad14';
  if (light === 'green') return '#52c41a';
  return '#bfbfbf';
}

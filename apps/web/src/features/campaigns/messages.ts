import type { Label } from '@chuangcheng/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';

/** This feature's UI strings (enum labels stay in contracts). Kept here so lib/i18n stays untouched. */
const messages = {
  sample: { zh: '示例', en: 'Sample' },
  sampleHint: {
    zh: '使用的是示例标准，仅供参考，请以正式发布的标准为准',
    en: 'Uses a shipped example standard: check it against the published one',
  },
  create: { zh: '新建活动', en: 'New campaign' },
  edit: { zh: '编辑活动', en: 'Edit campaign' },
  type: { zh: '类型', en: 'Type' },
  region: { zh: '创建区域', en: 'Region' },
  standard: { zh: '考核标准', en: 'Standard' },
  thresholds: { zh: '达标/基本达标', en: 'Pass / basic' },
  passScore: { zh: '达标分', en: 'Pass score' },
  basicScore: { zh: '基本达标分', en: 'Basic score' },
  totalPoints: { zh: '总分', en: 'Total' },
  passDefault: { zh: '默认取自标准：{n}', en: 'The standard’s: {n}' },
  startsOn: { zh: '开始日期', en: 'Starts on' },
  endsOn: { zh: '结束日期', en: 'Ends on' },
  period: { zh: '起止日期', en: 'Dates' },
  currentPhase: { zh: '当前阶段', en: 'Current phase' },
  nextMilestone: { zh: '下一节点', en: 'Next milestone' },
  noPhase: { zh: '未在阶段内', en: 'Outside the phases' },
  noMilestone: { zh: '无待办节点', en: 'No milestone ahead' },
  daysLeft: { zh: '倒计时 {n} 天', en: '{n} days left' },
  today: { zh: '就是今天', en: 'Today' },
  daysAgo: { zh: '已过 {n} 天', en: '{n} days ago' },
  bigCountdown: { zh: '距{title}还有', en: 'Until {title}' },
  days: { zh: '天', en: 'days' },
  phases: { zh: '阶段安排', en: 'Phases' },
  phase: { zh: '阶段', en: 'Phase' },
  addPhase: { zh: '添加阶段', en: 'Add a phase' },
  milestones: { zh: '关键节点', en: 'Milestones' },
  milestoneTitle: { zh: '节点名称', en: 'Milestone' },
  milestoneDate: { zh: '日期', en: 'Date' },
  milestoneKind: { zh: '类别', en: 'Kind' },
  addMilestone: { zh: '添加节点', en: 'Add a milestone' },
  dateOrder: { zh: '结束日期不能早于开始日期', en: 'The end is before the start' },
  emptyList: {
    zh: '还没有创建活动：先在“考核标准”中导入或加载标准，再新建活动',
    en: 'No campaigns yet: add a standard first, then create one',
  },
  tasks: { zh: '任务分解表', en: 'Task breakdown' },
  links: { zh: '指标关联', en: 'Indicator links' },
  indicator: { zh: '指标', en: 'Indicator' },
  leadUnit: { zh: '牵头单位', en: 'Lead unit' },
  coUnits: { zh: '配合单位', en: 'Co-units' },
  leaderName: { zh: '挂钩领导', en: 'Leader in charge' },
  ownerName: { zh: '具体负责人', en: 'Person in charge' },
  ownerPhone: { zh: '电话', en: 'Phone' },
  phoneKeep: { zh: '不修改请保持原样', en: 'Leave as is to keep it' },
  editTask: { zh: '编辑任务 {code} {title}', en: 'Edit task {code} {title}' },
  tasksExport: { zh: '导出Excel', en: 'Export Excel' },
  tasksImport: { zh: '从Excel导入', en: 'Import from Excel' },
  tasksImportTitle: { zh: '导入任务分解表', en: 'Import the task breakdown' },
  tasksImportHint: {
    zh: '先导出当前任务分解表作为模板，填写后导入；任何一行有错都不会写入',
    en: 'Export the table as the template, fill it in and import it; nothing is written when a row is wrong',
  },
  template: { zh: '下载模板', en: 'Template' },
  importDrop: { zh: '点击或拖拽 .xlsx 文件到此处', en: 'Click or drop an .xlsx file here' },
  importStart: { zh: '开始导入', en: 'Import' },
  importing: { zh: '正在上传并校验…', en: 'Uploading and checking…' },
  importDone: { zh: '已导入 {n} 行', en: '{n} rows imported' },
  rowErrors: { zh: '发现 {n} 处问题，未写入任何数据', en: '{n} problems found; nothing was written' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  reason: { zh: '原因', en: 'Reason' },
  unassigned: { zh: '未落实', en: 'Unassigned' },
  assigned: { zh: '已落实牵头单位 {n}/{total}', en: 'Lead unit set: {n}/{total}' },
  linkThis: { zh: '本标准指标', en: 'This standard’s indicator' },
  linkStandard: { zh: '关联标准', en: 'Linked standard' },
  linkIndicator: { zh: '关联指标', en: 'Linked indicator' },
  addLink: { zh: '添加关联', en: 'Add a link' },
  linkHint: {
    zh: '同一项工作在不同标准中的指标：台账和整改可以互相印证',
    en: 'The same work measured by two standards: evidence and work count for both',
  },
  linkEmpty: { zh: '暂无指标关联', en: 'No links yet' },
  chooseStandardFirst: { zh: '请先选择关联标准', en: 'Choose the standard first' },
  rounds: { zh: '测评轮次', en: 'Rounds' },
  evidence: { zh: '台账资料', en: 'Evidence' },
  readiness: { zh: '迎检态势', en: 'Readiness' },
  viewStandard: { zh: '查看标准', en: 'Open the standard' },
} satisfies Record<string, Label>;

export type CampaignsMessage = keyof typeof messages;
type Vars = Record<string, string | number>;

/** `m(key, vars)`: this feature's string in the current language with `{name}` filled. */
export function useMessages() {
  const { locale } = useI18n();
  return useMemo(
    () => (key: CampaignsMessage, vars?: Vars) => {
      const text: string = messages[key][locale];
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text;
    },
    [locale],
  );
}

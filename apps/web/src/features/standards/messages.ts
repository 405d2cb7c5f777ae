import type { Label } from '@chuangcheng/contracts';
import { useMemo } from 'react';
import { useI18n } from '../../lib/i18n';

/** This feature's UI strings (enum labels stay in contracts). Kept here so lib/i18n stays untouched. */
const messages = {
  sample: { zh: '示例', en: 'Sample' },
  sampleHint: {
    zh: '示例标准仅供参考，请以正式发布的标准为准',
    en: 'A shipped example: check it against the published standard',
  },
  type: { zh: '类型', en: 'Type' },
  version: { zh: '版本', en: 'Version' },
  totalPoints: { zh: '总分', en: 'Total points' },
  passScore: { zh: '达标分', en: 'Pass score' },
  basicScore: { zh: '基本达标分', en: 'Basic score' },
  thresholds: { zh: '总分/达标/基本达标', en: 'Total / pass / basic' },
  nodeCount: { zh: '指标数', en: 'Indicators' },
  vetoCount: { zh: '一票否决', en: 'Veto items' },
  create: { zh: '新建标准', en: 'New standard' },
  edit: { zh: '编辑标准', en: 'Edit standard' },
  importExcel: { zh: '从Excel导入', en: 'Import from Excel' },
  loadSamples: { zh: '加载示例标准', en: 'Load sample standards' },
  samplesLoaded: { zh: '已加载 {n} 个示例标准', en: '{n} sample standards loaded' },
  samplesNone: { zh: '示例标准已存在，未重复加载', en: 'The samples are already there' },
  importTitle: { zh: '从Excel导入考核标准', en: 'Import a standard from Excel' },
  importHint: {
    zh: '按模板填写指标（编码、上级编码、名称、分值、评分规则…），任何一行有错都不会写入',
    en: 'Fill the template (code, parent code, title, points, rule …); nothing is written when a row is wrong',
  },
  template: { zh: '下载模板', en: 'Template' },
  importDrop: { zh: '点击或拖拽 .xlsx 文件到此处', en: 'Click or drop an .xlsx file here' },
  importStart: { zh: '开始导入', en: 'Import' },
  importing: { zh: '正在上传并校验…', en: 'Uploading and checking…' },
  importDone: {
    zh: '已导入 {nodes} 个指标（其中一票否决 {veto} 项）',
    en: '{nodes} indicators imported ({veto} veto items)',
  },
  openImported: { zh: '查看标准', en: 'Open the standard' },
  chooseFile: { zh: '请选择要导入的文件', en: 'Choose a file to import' },
  rowErrors: { zh: '发现 {n} 处问题，未写入任何数据', en: '{n} problems found; nothing was written' },
  treeErrors: {
    zh: '指标体系有 {n} 处问题，未保存',
    en: 'The indicator tree has {n} problems; nothing was saved',
  },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  reason: { zh: '原因', en: 'Reason' },
  exportExcel: { zh: '导出Excel', en: 'Export Excel' },
  indicator: { zh: '指标', en: 'Indicator' },
  points: { zh: '分值', en: 'Points' },
  rule: { zh: '评分规则', en: 'Scoring rule' },
  evidence: { zh: '台账资料', en: 'Required evidence' },
  units: { zh: '责任单位', en: 'Responsible units' },
  addRoot: { zh: '新增一级指标', en: 'New top-level indicator' },
  addChild: { zh: '添加下级', en: 'Add child' },
  nodeCreateTitle: { zh: '新增指标', en: 'New indicator' },
  nodeChildTitle: { zh: '新增“{parent}”的下级指标', en: 'New indicator under “{parent}”' },
  nodeEditTitle: { zh: '编辑指标 {code}', en: 'Edit indicator {code}' },
  parent: { zh: '上级指标', en: 'Parent' },
  title: { zh: '指标名称', en: 'Title' },
  description: { zh: '说明', en: 'Description' },
  perOccurrence: { zh: '每处扣分', en: 'Points per occurrence' },
  cap: { zh: '最多扣分', en: 'Cap' },
  capHint: { zh: '不填则最多扣完本项分值', en: 'Empty: up to the indicator’s points' },
  allowed: { zh: '允许处数', en: 'Allowed occurrences' },
  allowedHint: { zh: '如“行走300米可看到5处”中的 5', en: 'e.g. the 5 in “5 within 300 m”' },
  metric: { zh: '指标项', en: 'Metric' },
  metricHint: {
    zh: '选择系统可计算的指标，或直接输入（如“病媒密度”）',
    en: 'A metric the system computes, or type your own',
  },
  target: { zh: '达标值', en: 'Target' },
  zeroAt: { zh: '零分值', en: 'Zero at' },
  zeroAtHint: { zh: '达到此值即不得分；不填则未达标即扣完', en: 'Empty: missing the target loses all' },
  direction: { zh: '方向', en: 'Direction' },
  directionMin: { zh: '不低于达标值（越高越好）', en: 'At least the target (higher is better)' },
  directionMax: { zh: '不高于达标值（越低越好）', en: 'At most the target (lower is better)' },
  vetoHint: {
    zh: '一票否决项不计分，不能有下级指标；未通过则本轮测评不达标',
    en: 'A veto carries no points and no children; failing it fails the round',
  },
  innerHint: {
    zh: '该指标有下级指标，得分为下级之和，评分规则不生效',
    en: 'This indicator has children: its score is their sum',
  },
  evidenceTitle: { zh: '资料名称', en: 'Document' },
  periodicity: { zh: '周期', en: 'Periodicity' },
  addEvidence: { zh: '添加台账要求', en: 'Add a requirement' },
  deleteNodeConfirm: {
    zh: '删除“{name}”及其全部下级指标？',
    en: 'Delete “{name}” and all its children?',
  },
  ruleManual: { zh: '人工评分，0–{points} 分', en: 'Scored by hand, 0–{points}' },
  ruleDeduction: { zh: '每处扣{per}分，最多扣{cap}分', en: '{per} off per occurrence, at most {cap}' },
  ruleCount: {
    zh: '允许{allowed}处，超出每处扣{per}分，最多扣{cap}分',
    en: '{allowed} allowed, then {per} off each, at most {cap}',
  },
  ruleThresholdMin: { zh: '{metric} ≥ {target}', en: '{metric} ≥ {target}' },
  ruleThresholdMax: { zh: '{metric} ≤ {target}', en: '{metric} ≤ {target}' },
  ruleZeroAt: { zh: '，{zeroAt} 时不得分', en: ', zero at {zeroAt}' },
  ruleVeto: { zh: '必备条件，未通过则不达标', en: 'Mandatory: failing it fails the round' },
  ruleExposure: {
    zh: '当年每曝光 1 次扣 {per} 分，最多扣 {cap} 分',
    en: '{per} off per exposure in the year, at most {cap}',
  },
  ruleExposureZero: { zh: '；第 {zeroAt} 次曝光起本项不得分', en: '; zero from exposure no. {zeroAt}' },
  ruleSources: { zh: '（只计：{sources}）', en: ' (only: {sources})' },
  exposureZeroAt: { zh: '第几次曝光起不得分', en: 'Zero from exposure no.' },
  exposureZeroAtHint: {
    zh: '如“第一次曝光扣30分，第二次曝光该项不得分”填 2；留空则每次扣分直至扣完',
    en: 'e.g. 2 for “−30 at the first exposure, 0 at the second”; empty: per exposure until nothing is left',
  },
  sources: { zh: '案件来源', en: 'Case sources' },
  sourcesHint: {
    zh: '只统计这些来源的案件，如“按期办结投诉事项”选市民随手拍、热线、上级交办；留空为全部来源',
    en: 'Count cases of these sources only (complaints: citizen, hotline, upper level); empty: every source',
  },
  ruleInner: { zh: '下级之和', en: 'Sum of children' },
  childrenPoints: {
    zh: '下级指标合计 {sum} 分 / 本项 {points} 分',
    en: 'Children total {sum} / {points}',
  },
  topPoints: { zh: '一级指标合计 {sum} 分 / 总分 {total} 分', en: 'Top level {sum} / {total}' },
  empty: { zh: '暂无指标，可新增或从Excel导入', en: 'No indicators yet' },
  emptyList: {
    zh: '还没有考核标准：可新建、从Excel导入或加载示例标准',
    en: 'No standards yet: create one, import it, or load the samples',
  },
  inUse: {
    zh: '该标准已被创建活动使用，不能删除',
    en: 'A campaign uses this standard; it cannot be deleted',
  },
  thresholdOrder: {
    zh: '应满足 基本达标分 ≤ 达标分 ≤ 总分',
    en: 'Basic score ≤ pass score ≤ total points',
  },
  codeHint: { zh: '如 GWBZ-2021；指标编码如 3.2.1', en: 'e.g. GWBZ-2021' },
  back: { zh: '返回标准列表', en: 'Back to the standards' },
} satisfies Record<string, Label>;

export type StandardsMessage = keyof typeof messages;
type Vars = Record<string, string | number>;

/** `m(key, vars)`: this feature's string in the current language with `{name}` filled. */
export function useMessages() {
  const { locale } = useI18n();
  return useMemo(
    () => (key: StandardsMessage, vars?: Vars) => {
      const text: string = messages[key][locale];
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text;
    },
    [locale],
  );
}

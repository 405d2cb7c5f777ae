import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  PERIODICITIES,
  PERIODICITY_LABELS,
  type Periodicity,
  SCORING_RULE_LABELS,
  SCORING_RULES,
  type ScoringRule,
  SYSTEM_METRIC_LABELS,
  SYSTEM_METRICS,
} from '@chuangcheng/contracts';
import type { CellOut, Column, SheetSpec } from '../../platform/xlsx';

// The Chinese headers are the file format: imports match them, exports write them, so an export
// re-imports to the same tree. One row per node; the tree comes from 上级编码.

export type StandardKey =
  | 'code'
  | 'title'
  | 'parent'
  | 'description'
  | 'points'
  | 'rule'
  | 'perOccurrence'
  | 'cap'
  | 'allowed'
  | 'metric'
  | 'target'
  | 'zeroAt'
  | 'direction'
  | 'sources'
  | 'evidence'
  | 'units';

const labelMap = <K extends string>(keys: readonly K[], labels: Record<K, { zh: string }>) =>
  new Map<string, K>(keys.flatMap((k) => [[k, k] as const, [labels[k].zh, k] as const]));

const rules = labelMap(SCORING_RULES, SCORING_RULE_LABELS);
const periods = labelMap(PERIODICITIES, PERIODICITY_LABELS);
const metrics = labelMap(SYSTEM_METRICS, SYSTEM_METRIC_LABELS);
const caseSources = labelMap(CASE_SOURCES, CASE_SOURCE_LABELS);
export const parseCaseSource = (s: string): CaseSource | null => caseSources.get(s) ?? null;
export const caseSourceLabel = (s: CaseSource): string => CASE_SOURCE_LABELS[s].zh;

export const RULE_OPTIONS = SCORING_RULES.map((r) => SCORING_RULE_LABELS[r].zh);
export const PERIOD_OPTIONS = PERIODICITIES.map((p) => PERIODICITY_LABELS[p].zh);
export const DIRECTION_LABELS = { min: '越高越好', max: '越低越好' } as const;
export const DIRECTION_OPTIONS = [DIRECTION_LABELS.min, DIRECTION_LABELS.max];

export const parseRule = (s: string): ScoringRule | null => rules.get(s) ?? null;
export const parsePeriodicity = (s: string): Periodicity | null => periods.get(s) ?? null;
/** A system metric's key from its key or Chinese label; any other text is an entered metric's name. */
export const parseMetric = (s: string): string => metrics.get(s) ?? s;
export const metricLabel = (m: string): string =>
  (SYSTEM_METRIC_LABELS as Record<string, { zh: string } | undefined>)[m]?.zh ?? m;
export const parseDirection = (s: string): 'min' | 'max' | null =>
  s === DIRECTION_LABELS.min || s === 'min'
    ? 'min'
    : s === DIRECTION_LABELS.max || s === 'max'
      ? 'max'
      : null;

/** Unit names in one cell: 、 , ， ; ； or new lines. */
export const splitNames = (s: string): string[] =>
  s
    .split(/[、,，;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

const num = (key: StandardKey, header: string, note: string): Column<StandardKey> => ({
  key,
  header,
  width: 10,
  note,
  optionalColumn: true,
});

export const STANDARD_SHEET: SheetSpec<StandardKey> = {
  sheet: '考核标准',
  requireAllColumns: true,
  columns: [
    {
      key: 'code',
      header: '编码',
      required: true,
      width: 10,
      text: true,
      note: '如 3、3.2、3.2.1；字母、数字和“.”“-”',
    },
    { key: 'title', header: '名称', required: true, width: 36, note: '指标或考核点名称' },
    {
      key: 'parent',
      header: '上级编码',
      width: 10,
      text: true,
      note: '一级指标留空；上级须在本文件中出现（可在下方行）',
    },
    { key: 'description', header: '说明', width: 30, optionalColumn: true, note: '评分说明、检查方法' },
    {
      key: 'points',
      header: '分值',
      width: 8,
      note: '非负数；有下级的指标，下级分值合计不得超过本项；一票否决项须为 0 或留空',
    },
    {
      key: 'rule',
      header: '评分方式',
      width: 12,
      list: RULE_OPTIONS,
      note: `${RULE_OPTIONS.join('、')}；空为「${SCORING_RULE_LABELS.manual.zh}」；有下级的指标按下级合计`,
    },
    num('perOccurrence', '每次扣分', '按次扣分、计数扣分、曝光扣分必填：每次（每处）扣几分'),
    num('cap', '扣分上限', '按次扣分、计数扣分可填，空为本项分值，不得超过分值'),
    num('allowed', '允许数', '计数扣分：允许的处数，超过的每处扣分；如“行走300米可看到5处”'),
    {
      key: 'metric',
      header: '指标',
      width: 16,
      optionalColumn: true,
      note: `指标达标必填：系统指标（${SYSTEM_METRICS.map((m) => SYSTEM_METRIC_LABELS[m].zh).join('、')}）或人工填报的指标名称`,
    },
    num('target', '目标值', '指标达标必填：达标值，如 90 表示 90%'),
    num(
      'zeroAt',
      '零分值',
      '指标达标可填：达到该值不得分，其间按比例计分；空则未达标不得分。曝光扣分可填：第几次曝光起本项不得分',
    ),
    {
      key: 'direction',
      header: '方向',
      width: 10,
      optionalColumn: true,
      list: DIRECTION_OPTIONS,
      note: `${DIRECTION_OPTIONS.join(' 或 ')}；空为「${DIRECTION_LABELS.min}」`,
    },
    {
      key: 'evidence',
      header: '必备资料',
      width: 30,
      optionalColumn: true,
      note: `每行一项：资料名称|周期，周期为 ${PERIOD_OPTIONS.join('、')}（空为「${PERIODICITY_LABELS.once.zh}」）`,
    },
    {
      key: 'units',
      header: '责任单位',
      width: 20,
      optionalColumn: true,
      note: '本市单位名称，多个用“、”分隔',
    },
    {
      key: 'sources',
      header: '案件来源',
      width: 20,
      optionalColumn: true,
      note: `指标达标的案件指标可填：只统计这些来源的案件（如“按期办结投诉事项”填 市民随手拍、热线、上级交办），多个用“、”分隔；空为全部来源。可选：${CASE_SOURCES.map((s) => CASE_SOURCE_LABELS[s].zh).join('、')}`,
    },
  ],
};

export const STANDARD_NOTES = [
  '每行一个指标或考核点；层级由“上级编码”确定，深度不限（大类 → 项目 → 考核点）。',
  '有下级的指标按下级得分合计，其评分方式和扣分参数不起作用。',
  '一票否决项（必备条件）不计分，分值须为 0 或留空，且不能有下级指标。',
  '导入时先校验全部行，有任何错误都不会写入，并列出所有出错的行和列。',
  '导入生成一个新标准；编码已存在时生成该编码的新版本，已有版本不受影响。',
];

export const STANDARD_EXAMPLES: Partial<Record<StandardKey, CellOut>>[] = [
  { code: '1', title: '市容环境卫生', points: 100 },
  {
    code: '1.1',
    title: '主次干道无暴露垃圾',
    parent: '1',
    points: 20,
    rule: SCORING_RULE_LABELS.count.zh,
    perOccurrence: 2,
    allowed: 3,
    description: '行走500米暴露垃圾不超过3处，超过的每处扣2分',
    evidence: `环卫保洁检查记录|${PERIODICITY_LABELS.monthly.zh}`,
    units: '城管局',
  },
  {
    code: '1.2',
    title: '群众满意率≥90%',
    parent: '1',
    points: 30,
    rule: SCORING_RULE_LABELS.threshold.zh,
    metric: SYSTEM_METRIC_LABELS.satisfaction_rate.zh,
    target: 90,
    zeroAt: 70,
    direction: DIRECTION_LABELS.min,
  },
  {
    code: '2',
    title: '未发生重大食品安全事故',
    rule: SCORING_RULE_LABELS.veto.zh,
    units: '市场监管局、卫健委',
  },
];

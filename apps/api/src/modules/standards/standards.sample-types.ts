import type { CampaignType, Periodicity, ScoringParams, ScoringRule } from '@chuangcheng/contracts';

export interface SampleNode {
  code: string;
  title: string;
  points?: number;
  rule?: ScoringRule;
  params?: ScoringParams;
  description?: string;
  evidence?: readonly (readonly [string, Periodicity])[];
  units?: readonly string[];
}

export interface SampleStandard {
  code: string;
  name: string;
  type: CampaignType;
  totalPoints: number;
  passScore: number;
  basicScore: number;
  note: string;
  nodes: readonly SampleNode[];
}

export const SAMPLE_PREFIX = '【示例】';
export const NOTE = '示例标准，仅供参考：请按本地实际执行的考核细则修改分值、评分方式和责任单位后使用。';

/** A veto (一票否决) checkpoint: no points, pass or fail. */
export const veto = (code: string, title: string, units: string[], description?: string): SampleNode => ({
  code,
  title,
  rule: 'veto',
  units,
  ...(description ? { description } : {}),
});

import {
  ROUND_KIND_LABELS,
  type RoundDetail,
  SCORE_SOURCE_LABELS,
  SCORING_RULE_LABELS,
  VERDICT_LABELS,
} from '@chuangcheng/contracts';
import { round2 } from '@chuangcheng/domain';
import type { DownloadFile } from '../../http/download';
import { buildSheet, type CellOut, type Column } from '../../platform/xlsx';
import type { LeadUnits } from './assessments.presenter';

type Key =
  | 'code'
  | 'title'
  | 'rule'
  | 'points'
  | 'score'
  | 'lost'
  | 'veto'
  | 'source'
  | 'figure'
  | 'lead'
  | 'units'
  | 'note';

const COLUMNS: readonly Column<Key>[] = [
  { key: 'code', header: '编码', width: 12, text: true },
  { key: 'title', header: '考核指标', width: 48 },
  { key: 'rule', header: '评分方式', width: 12 },
  { key: 'points', header: '分值', width: 8 },
  { key: 'score', header: '得分', width: 8 },
  { key: 'lost', header: '失分', width: 8 },
  { key: 'veto', header: '否决项', width: 10 },
  { key: 'source', header: '得分来源', width: 12 },
  { key: 'figure', header: '次数/指标值', width: 12 },
  { key: 'lead', header: '牵头单位', width: 18 },
  { key: 'units', header: '责任单位', width: 24 },
  { key: 'note', header: '备注', width: 40 },
];

const VETO_TEXT = { met: '达标', failed: '未达标（否决）', unknown: '未评' } as const;

/** The round's score sheet: every node (indented by depth), then totals and the verdict. */
export async function roundSheet(round: RoundDetail, leads: LeadUnits): Promise<DownloadFile> {
  const rows: Partial<Record<Key, CellOut>>[] = round.nodes.map((n) => ({
    code: n.code,
    title: `${'　'.repeat(n.depth)}${n.title}`,
    rule: n.leaf ? SCORING_RULE_LABELS[n.rule].zh : '（合计）',
    points: n.veto ? null : n.points,
    score: n.veto ? null : n.score,
    lost: n.veto ? null : n.lost,
    veto: n.vetoStatus ? VETO_TEXT[n.vetoStatus] : null,
    source: SCORE_SOURCE_LABELS[n.source].zh,
    figure: n.occurrences ?? n.value ?? null,
    lead: leads.get(n.nodeId)?.name ?? null,
    units: n.unitNames.join('、') || null,
    note: n.note,
  }));
  const lost = round2(round.nodes.filter((n) => n.depth === 0).reduce((s, n) => s + n.lost, 0));
  rows.push(
    {},
    { title: '合计', points: round.totalPoints, score: round.total, lost },
    {
      title: '结论',
      score: VERDICT_LABELS[round.verdict].zh,
      veto: `否决项未达标 ${round.vetoFailed} 项，未评 ${round.vetoUnknown} 项`,
    },
    {
      title: '轮次',
      note: `${round.campaignName} · ${ROUND_KIND_LABELS[round.kind].zh} · ${round.name} · ${round.heldOn}（已评 ${round.scoredLeaves}/${round.leaves} 个考核点）`,
    },
  );
  const sheet = await buildSheet({ sheet: '评分表', columns: COLUMNS }, rows);
  return {
    data: sheet,
    fileName: `测评评分表-${round.name}-${round.heldOn}.xlsx`,
    asciiName: `round-${round.heldOn}.xlsx`,
  };
}

import { Card, Flex, Switch, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useIsMobile } from '../../../lib/responsive';
import type { EvidenceSlot } from '../api/list-slots';
import { periodChip, periodicityLabel, periodLabel } from './periods';

interface SlotRow {
  key: string;
  nodeId: string;
  nodeCode: string;
  nodeTitle: string;
  requirement: string;
  slots: EvidenceSlot[];
  present: number;
}

function rowsOf(slots: EvidenceSlot[]): SlotRow[] {
  const rows = new Map<string, SlotRow>();
  for (const s of slots) {
    const key = `${s.nodeId}\u0000${s.requirement}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        nodeId: s.nodeId,
        nodeCode: s.nodeCode,
        nodeTitle: s.nodeTitle,
        requirement: s.requirement,
        slots: [],
        present: 0,
      };
      rows.set(key, row);
    }
    row.slots.push(s);
    if (s.complete) row.present++;
  }
  return [...rows.values()];
}

/**
 * The archive as indicator × period: one row per required document, one chip per period (green with
 * the number of files, red when missing). A missing chip opens the upload, a present one lists its files.
 */
export function SlotsTable({
  slots,
  loading,
  onMissing,
  onPresent,
}: {
  slots: EvidenceSlot[];
  loading: boolean;
  onMissing?: (slot: EvidenceSlot) => void;
  onPresent: (slot: EvidenceSlot) => void;
}) {
  const isMobile = useIsMobile();
  const [missingOnly, setMissingOnly] = useState(false);
  const rows = useMemo(() => {
    const all = rowsOf(slots);
    return missingOnly
      ? all
          .filter((r) => r.present < r.slots.length)
          .map((r) => ({ ...r, slots: r.slots.filter((s) => !s.complete) }))
      : all;
  }, [slots, missingOnly]);

  const chips = (r: SlotRow) => (
    <Flex wrap gap={4}>
      {r.slots.map((s) => (
        <Tooltip
          key={s.period}
          title={`${periodLabel(s.period)}：${s.complete ? `已上传 ${s.fileCount} 份` : '缺失，点击上传'}`}
        >
          <Tag
            color={s.complete ? 'success' : 'error'}
            style={{ cursor: s.complete || onMissing ? 'pointer' : 'default', marginInlineEnd: 0 }}
            onClick={() => (s.complete ? onPresent(s) : onMissing?.(s))}
            data-testid={`slot-${r.nodeCode}-${s.period}`}
            data-complete={s.complete}
          >
            {periodChip(s.period)}
            {s.complete && s.fileCount > 0 ? ` ·${s.fileCount}` : ''}
          </Tag>
        </Tooltip>
      ))}
    </Flex>
  );
  const requirementOf = (r: SlotRow) => (
    <>
      <div>{r.requirement}</div>
      <div className="cc-muted" style={{ fontSize: 12 }}>
        {periodicityLabel(r.slots[0]?.periodicity ?? 'once')}
        {!missingOnly && ` · ${r.present}/${r.slots.length}`}
      </div>
    </>
  );
  const nodeOf = (r: SlotRow) => (
    <span>
      <span className="cc-mono">{r.nodeCode}</span> {r.nodeTitle}
    </span>
  );

  const columns: TableColumnsType<SlotRow> = isMobile
    ? [
        {
          title: '指标 / 应有资料 / 各期情况',
          key: 'all',
          render: (_, r) => (
            <Flex vertical gap={4}>
              <Typography.Text strong>{nodeOf(r)}</Typography.Text>
              <div>{requirementOf(r)}</div>
              {chips(r)}
            </Flex>
          ),
        },
      ]
    : [
        { title: '指标', key: 'node', width: 240, render: (_, r) => nodeOf(r) },
        { title: '应有资料', key: 'requirement', width: 220, render: (_, r) => requirementOf(r) },
        { title: '各期情况', key: 'periods', render: (_, r) => chips(r) },
      ];

  const missing = slots.filter((s) => !s.complete).length;
  return (
    <Card
      size="small"
      title={
        <span>
          资料清单 <Typography.Text type="danger">（缺 {missing} 份）</Typography.Text>
        </span>
      }
      extra={
        <Flex align="center" gap={6}>
          <Switch size="small" checked={missingOnly} onChange={setMissingOnly} data-testid="missing-only" />
          <span>只看缺失</span>
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
      style={{ marginBottom: 16 }}
    >
      <Table<SlotRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={loading}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        locale={{ emptyText: missingOnly ? '没有缺失的资料' : '该标准没有要求台账资料' }}
        data-testid="slots-table"
      />
    </Card>
  );
}

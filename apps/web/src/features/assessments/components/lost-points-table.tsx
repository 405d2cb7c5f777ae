import { ToolOutlined } from '@ant-design/icons';
import type { LostPoint } from '@chuangcheng/contracts';
import { Button, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useIsMobile } from '../../../lib/responsive';
import { RectifyModal } from './rectify-modal';
import { fmtScore, SourceTag } from './tags';

/** "Where we lose points": ranked checkpoints with their lead units and a 立案整改 button each. */
export function LostPointsTable({
  roundId,
  points,
  loading,
  canRectify,
  compact,
}: {
  roundId: string | undefined;
  points: LostPoint[];
  loading?: boolean;
  canRectify: boolean;
  compact?: boolean;
}) {
  const isMobile = useIsMobile();
  const [rectifying, setRectifying] = useState<LostPoint | null>(null);
  const columns: TableColumnsType<LostPoint & { rank: number }> = [
    { title: '排名', dataIndex: 'rank', width: 56, align: 'center' },
    {
      title: '指标',
      key: 'title',
      render: (_, p) => (
        <div>
          <Typography.Text strong>
            {p.code} {p.title}
          </Typography.Text>
          {p.veto && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              一票否决
            </Tag>
          )}
          {!compact && p.pathText && (
            <div className="cc-muted" style={{ fontSize: 12 }}>
              {p.pathText}
            </div>
          )}
        </div>
      ),
    },
    {
      title: '失分',
      key: 'lost',
      width: 96,
      align: 'right',
      render: (_, p) => (
        <span>
          <Typography.Text type="danger" strong>
            -{fmtScore(p.lost)}
          </Typography.Text>
          <span className="cc-muted"> / {fmtScore(p.points)}</span>
        </span>
      ),
    },
    ...(isMobile
      ? []
      : [
          {
            title: '来源',
            key: 'source',
            width: 100,
            render: (_: unknown, p: LostPoint) => <SourceTag source={p.source} />,
          },
        ]),
    {
      title: '牵头单位',
      key: 'lead',
      width: isMobile ? 96 : 180,
      render: (_, p) => (
        <div>
          <div>{p.leadUnitName ?? <span className="cc-muted">未分解</span>}</div>
          {!compact && !isMobile && p.unitNames.length > 0 && (
            <div className="cc-muted" style={{ fontSize: 12 }}>
              {p.unitNames.filter((n) => n !== p.leadUnitName).join('、')}
            </div>
          )}
        </div>
      ),
    },
    ...(canRectify
      ? [
          {
            title: '操作',
            key: 'actions',
            width: isMobile ? 72 : 112,
            render: (_: unknown, p: LostPoint) => (
              <Button
                size="small"
                type="primary"
                ghost
                icon={isMobile ? undefined : <ToolOutlined />}
                disabled={!roundId}
                onClick={() => setRectifying(p)}
                data-testid="rectify-button"
              >
                立案整改
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <Table
        rowKey="nodeId"
        size="small"
        columns={columns}
        dataSource={points.map((p, i) => ({ ...p, rank: i + 1 }))}
        loading={loading}
        pagination={points.length > 20 ? { pageSize: 20, showSizeChanger: false, size: 'small' } : false}
        scroll={{ x: isMobile ? 480 : undefined }}
        locale={{ emptyText: '没有失分的指标' }}
        data-testid="lost-points-table"
      />
      <RectifyModal roundId={roundId} point={rectifying} onClose={() => setRectifying(null)} />
    </>
  );
}

import type { RankingEntry, RankingResult } from '@chuangcheng/contracts';
import { Card, Col, Empty, Progress, Row, Table, type TableColumnsType } from 'antd';
import { percent } from './period';

function columns(kind: 'red' | 'black', ranked: number): TableColumnsType<RankingEntry> {
  return [
    {
      title: kind === 'red' ? '名次' : '倒数',
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (rank: number) => (
        <span className="cc-rank-badge">{kind === 'red' ? rank : ranked - rank + 1}</span>
      ),
    },
    { title: '单位', dataIndex: 'unitName', ellipsis: true },
    {
      title: '按期结案率',
      dataIndex: 'onTimeCloseRate',
      width: 150,
      render: (v: number | null) => (
        <Progress
          percent={v === null ? 0 : Math.round(v * 1000) / 10}
          format={() => percent(v)}
          size="small"
          strokeColor={kind === 'red' ? '#389e0d' : '#c8161d'}
        />
      ),
    },
    { title: '结案率', dataIndex: 'closeRate', width: 80, align: 'right', render: percent },
    {
      title: '按期/结案/应结案',
      key: 'counts',
      width: 130,
      align: 'right',
      render: (_, e) => (
        <span className="cc-mono">
          {e.closedOnTime}/{e.closed}/{e.needClose}
        </span>
      ),
    },
  ];
}

function List({ kind, result }: { kind: 'red' | 'black'; result: RankingResult }) {
  const entries = result[kind];
  return (
    <Card
      size="small"
      className={`cc-ranking-list ${kind}`}
      title={
        <>
          {kind === 'red' ? '红榜' : '黑榜'}
          <small>{kind === 'red' ? '按期结案率最高' : '按期结案率最低，由低到高'}</small>
        </>
      }
      data-testid={`ranking-${kind}`}
    >
      <Table<RankingEntry>
        rowKey="unitId"
        size="small"
        pagination={false}
        columns={columns(kind, result.rankedUnits)}
        dataSource={entries}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" /> }}
      />
    </Card>
  );
}

/** The red and black lists side by side (stacked on a phone). */
export function RankingLists({ result }: { result: RankingResult }) {
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <List kind="red" result={result} />
      </Col>
      <Col xs={24} xl={12}>
        <List kind="black" result={result} />
      </Col>
    </Row>
  );
}

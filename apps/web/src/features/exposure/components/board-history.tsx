import type { RankingBoard } from '@chuangcheng/contracts';
import { App, Button, Card, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useRankingBoards, useSetBoardPublished } from '../api/ranking-boards';
import { RankingLists } from './ranking-lists';

function PublishToggle({ board }: { board: RankingBoard }) {
  const { message } = App.useApp();
  const toggle = useSetBoardPublished();
  const run = async () => {
    try {
      await toggle.mutateAsync({ id: board.id, published: !board.published });
      message.success(board.published ? '已撤下' : '已发布');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  if (board.published)
    return (
      <Popconfirm title="从公开页撤下这期榜单？" okText="撤下" onConfirm={run}>
        <Button size="small" loading={toggle.isPending} data-testid="unpublish-board">
          撤下
        </Button>
      </Popconfirm>
    );
  return (
    <Button size="small" type="primary" loading={toggle.isPending} onClick={run} data-testid="publish-board">
      发布
    </Button>
  );
}

const names = (entries: { unitName: string }[]) => entries.map((e) => e.unitName).join('、') || '—';

/** The boards generated so far: frozen lists, published or not. */
export function BoardHistory() {
  const { locale } = useI18n();
  const [page, setPage] = useState(1);
  const boards = useRankingBoards(page);
  const columns: TableColumnsType<RankingBoard> = [
    {
      title: '榜单',
      dataIndex: 'title',
      width: 240,
      render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      title: '时段',
      key: 'period',
      width: 210,
      render: (_, b) => `${b.periodFrom} ~ ${b.periodTo}`,
    },
    { title: '红榜', key: 'red', ellipsis: true, render: (_, b) => names(b.result.red) },
    { title: '黑榜', key: 'black', ellipsis: true, render: (_, b) => names(b.result.black) },
    {
      title: '生成',
      dataIndex: 'createdAt',
      width: 170,
      render: (_, b) => (
        <Flex vertical>
          <span>{b.createdByName}</span>
          <span className="cc-muted">{formatDateTime(b.createdAt, locale)}</span>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'published',
      width: 90,
      render: (v: boolean) => (v ? <Tag color="red">已发布</Tag> : <Tag>未发布</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, b) => <PublishToggle board={b} />,
    },
  ];
  return (
    <Card size="small" title="已生成的榜单">
      {boards.isError && <QueryError error={boards.error} onRetry={() => boards.refetch()} />}
      <Table<RankingBoard>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={boards.data?.items ?? []}
        loading={boards.isFetching}
        scroll={{ x: 1100 }}
        expandable={{ expandedRowRender: (b) => <RankingLists result={b.result} /> }}
        locale={{ emptyText: '还没有生成榜单' }}
        pagination={{
          current: page,
          pageSize: 10,
          total: boards.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        data-testid="boards-table"
      />
    </Card>
  );
}

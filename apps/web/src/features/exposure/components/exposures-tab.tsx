import { NotificationOutlined } from '@ant-design/icons';
import { CASE_STATUS_LABELS, type Exposure, type ExposureState } from '@chuangcheng/contracts';
import {
  App,
  Button,
  Flex,
  Popconfirm,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExposeModal } from '../../../components/expose-modal';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useExposures, useWithdrawExposure } from '../api/exposures';

type StateFilter = ExposureState | 'all';

function WithdrawButton({ exposure }: { exposure: Exposure }) {
  const { message } = App.useApp();
  const withdraw = useWithdrawExposure();
  return (
    <Popconfirm
      title="撤回这条曝光？"
      description="撤回后公开页不再显示，记录保留。"
      okText="撤回"
      okButtonProps={{ danger: true }}
      onConfirm={async () => {
        try {
          await withdraw.mutateAsync(exposure.id);
          message.success('已撤回');
        } catch (error) {
          message.error(errorMessage(error));
        }
      }}
    >
      <Button size="small" danger loading={withdraw.isPending} data-testid="withdraw-exposure">
        撤回
      </Button>
    </Popconfirm>
  );
}

/** The board's records: what is public now and what was withdrawn; 曝光案件 with a case search. */
export function ExposuresTab() {
  const { locale } = useI18n();
  const [state, setState] = useState<StateFilter>('all');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [exposing, setExposing] = useState(false);
  const list = useExposures({ ...page, state: state === 'all' ? undefined : state });

  const columns: TableColumnsType<Exposure> = [
    {
      title: '曝光标题',
      dataIndex: 'title',
      render: (_, e) => (
        <div className="cc-exposure-title">
          <Typography.Text strong>{e.title}</Typography.Text>
          {e.comment && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2, tooltip: e.comment }}>
              {e.comment}
            </Typography.Paragraph>
          )}
        </div>
      ),
    },
    {
      title: '案件',
      dataIndex: 'caseNumber',
      width: 170,
      render: (_, e) => (
        <Flex vertical gap={2} align="flex-start">
          <Link to={`/cases/${e.caseId}`} className="cc-mono">
            {e.caseNumber}
          </Link>
          <Tag>{CASE_STATUS_LABELS[e.caseStatus].zh}</Tag>
        </Flex>
      ),
    },
    { title: '问题类别', dataIndex: 'category', width: 140 },
    { title: '地址', dataIndex: 'address', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '责任单位', dataIndex: 'unitName', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: '发布',
      dataIndex: 'publishedAt',
      width: 170,
      render: (_, e) => (
        <Flex vertical>
          <span>{e.publishedByName}</span>
          <span className="cc-muted">{formatDateTime(e.publishedAt, locale)}</span>
        </Flex>
      ),
    },
    {
      title: '状态',
      dataIndex: 'withdrawnAt',
      width: 110,
      render: (_, e) =>
        e.withdrawnAt ? (
          <Flex vertical align="flex-start">
            <Tag>已撤回</Tag>
            <span className="cc-muted">{formatDateTime(e.withdrawnAt, locale).slice(0, 10)}</span>
          </Flex>
        ) : (
          <Tag color="red">公开中</Tag>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, e) => (e.withdrawnAt ? null : <WithdrawButton exposure={e} />),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Segmented<StateFilter>
          value={state}
          onChange={(v) => {
            setState(v);
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'active', label: '公开中' },
            { value: 'withdrawn', label: '已撤回' },
          ]}
          data-testid="exposure-state"
        />
        <Button
          type="primary"
          icon={<NotificationOutlined />}
          onClick={() => setExposing(true)}
          data-testid="new-exposure"
        >
          曝光案件
        </Button>
      </Flex>
      {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
      <Table<Exposure>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 1150 }}
        locale={{ emptyText: '还没有曝光的案件。可在案件详情页或点“曝光案件”发布。' }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 条`,
          onChange: (p, size) => setPage({ page: size === page.pageSize ? p : 1, pageSize: size }),
        }}
        data-testid="exposures-table"
      />
      <ExposeModal open={exposing} onClose={() => setExposing(false)} />
    </Flex>
  );
}

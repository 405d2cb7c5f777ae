import { ReloadOutlined } from '@ant-design/icons';
import { Button, Col, Empty, Input, Pagination, Row, Spin } from 'antd';
import { listPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useCases } from '../api/list-cases';
import { VerifyCard } from './verify-card';
import './cases.css';

const NO_FILTERS = [] as const;

/** 核查队列: rectifications waiting for a check on site, the oldest deadline first. */
export default function VerifyPage() {
  const { t } = useI18n();
  const list = useListParams(NO_FILTERS);
  const cases = useCases({ ...list.query, queue: 'to_verify', sort: 'stageDeadline' });
  const items = cases.data?.items ?? [];

  return (
    <>
      <PageHeader
        extra={
          <Button icon={<ReloadOutlined />} loading={cases.isFetching} onClick={() => cases.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <div className="cc-toolbar">
        <Input.Search
          key={list.q}
          defaultValue={list.q}
          allowClear
          placeholder={t('cases.searchPlaceholder')}
          onSearch={(q) => list.update({ q })}
          data-testid="list-search"
        />
      </div>
      {cases.isError && <QueryError error={cases.error} onRetry={() => cases.refetch()} />}
      <Spin spinning={cases.isFetching && !cases.isPending}>
        {cases.isPending ? (
          <Spin style={{ display: 'block', padding: 48 }} />
        ) : items.length === 0 ? (
          <Empty description={t('cases.verifyEmpty')} />
        ) : (
          <Row gutter={[12, 12]}>
            {items.map((c) => (
              <Col key={c.id} xs={24} md={12} xxl={8}>
                <VerifyCard summary={c} />
              </Col>
            ))}
          </Row>
        )}
      </Spin>
      {(cases.data?.total ?? 0) > 0 && (
        <Pagination
          {...listPagination(list, cases.data?.total)}
          style={{ marginTop: 16, justifyContent: 'flex-end' }}
        />
      )}
    </>
  );
}

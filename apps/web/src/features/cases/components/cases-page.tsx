import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { Link } from 'react-router';
import { listPagination } from '../../../components/list-pagination';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { isCaseQueue } from '../api/case-counts';
import { useCases } from '../api/list-cases';
import { useCaseList } from '../hooks/use-case-list';
import { canCreateCase } from './case-access';
import { CaseFilters } from './case-filters';
import { type CaseSort, CaseTable } from './case-table';
import { ExportCasesButton } from './export-cases-button';
import { SavedViewsMenu } from './saved-views-menu';
import './cases.css';

/** A work queue or grid reached through a link (overview, grid panel) shows as a removable tag. */
function LinkedFilterTags({ list }: { list: ReturnType<typeof useCaseList> }) {
  const { t } = useI18n();
  const { gridId } = list.filters;
  const queue = isCaseQueue(list.filters.queue) ? list.filters.queue : undefined;
  if (!queue && !gridId) return null;
  return (
    <div className="cc-linked-filters">
      {queue && (
        <Tag closable onClose={() => list.update({ queue: undefined })}>
          {t('cases.queueFilter')}: {t(`cases.queue.${queue}`)}
        </Tag>
      )}
      {gridId && (
        <Tag closable onClose={() => list.update({ gridId: undefined })}>
          {t('cases.gridFilter')}
        </Tag>
      )}
    </div>
  );
}

/** 案件列表: every case in scope, filtered, sorted and paged through the URL; export; saved views. */
export default function CasesPage() {
  const me = useMe();
  const { t } = useI18n();
  const list = useCaseList();
  const cases = useCases(list.query);
  const { sort: _sort, ...mapFilters } = list.filters;
  const mapSearch = new URLSearchParams({
    ...(mapFilters as Record<string, string>),
    ...(list.q ? { q: list.q } : {}),
  }).toString();
  const mapLink = mapSearch ? `/cases/map?${mapSearch}` : '/cases/map';

  return (
    <>
      <PageHeader
        extra={
          <>
            {canCreateCase(me.role) && (
              <Link to="/cases/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="create-case">
                  {t('cases.create')}
                </Button>
              </Link>
            )}
            <SavedViewsMenu list={list} />
            <Link to={mapLink}>
              <Button icon={<EnvironmentOutlined />}>{t('common.viewOnMap')}</Button>
            </Link>
            <ExportCasesButton query={list.query} />
          </>
        }
      />
      <CaseFilters list={list} fields={me.role === 'unit' ? UNIT_FIELDS : undefined} />
      <LinkedFilterTags list={list} />
      {cases.isError && <QueryError error={cases.error} onRetry={() => cases.refetch()} />}
      <CaseTable
        data={cases.data?.items}
        loading={cases.isFetching}
        pagination={listPagination(list, cases.data?.total)}
        sort={list.filters.sort as CaseSort | undefined}
        onSortChange={(sort) => list.update({ sort: sort === '-createdAt' ? undefined : sort })}
      />
    </>
  );
}

/** A unit sees only its own cases: no unit filter. */
const UNIT_FIELDS = [
  'status',
  'light',
  'source',
  'categoryId',
  'regionId',
  'blockId',
  'dates',
  'supervised',
] as const;

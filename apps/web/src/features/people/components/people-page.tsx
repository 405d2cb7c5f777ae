import { ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { PERSON_DUTIES, PERSON_DUTY_LABELS, type Person, type PersonDuty } from '@chuangcheng/contracts';
import { Button, Input, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DeleteButton } from '../../../components/delete-button';
import { ExportButton } from '../../../components/export-button';
import { listPagination } from '../../../components/list-pagination';
import { ListToolbar } from '../../../components/list-toolbar';
import { PageHeader } from '../../../components/page-header';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { QueryError } from '../../../components/query-error';
import { canWrite } from '../../../lib/access';
import { useI18n } from '../../../lib/i18n';
import { useListParams } from '../../../lib/list-params';
import { useMe } from '../../../lib/session';
import { useDeletePerson } from '../api/delete-person';
import { usePeople } from '../api/list-people';
import { PersonFormDrawer } from './person-form-drawer';

const FILTERS = ['unitId', 'duty'] as const;

export default function PeoplePage() {
  const me = useMe();
  const { t, l } = useI18n();
  const list = useListParams(FILTERS);
  const people = usePeople(list.query);
  const remove = useDeletePerson();
  const [editing, setEditing] = useState<Person | null>(null);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const writable = canWrite(me.role, 'people');

  const openForm = (person: Person | null) => {
    setEditing(person);
    setDrawerOpen(true);
  };

  const columns: TableColumnsType<Person> = [
    { title: t('people.name'), dataIndex: 'name', width: 110 },
    { title: t('people.unit'), dataIndex: 'unitName', ellipsis: true },
    { title: t('people.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    { title: t('people.phone'), dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
    {
      title: t('people.duties'),
      dataIndex: 'duties',
      render: (duties: PersonDuty[]) =>
        duties.length
          ? duties.map((d) => (
              <Tag key={d} color="geekblue">
                {l(PERSON_DUTY_LABELS[d])}
              </Tag>
            ))
          : '—',
    },
    {
      title: t('people.account'),
      dataIndex: 'userId',
      width: 90,
      render: (v: string | null) =>
        v ? <Tag color="green">{t('common.yes')}</Tag> : <span className="cc-muted">—</span>,
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, person) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => openForm(person)}>
            {t('common.edit')}
          </Button>
          <DeleteButton name={person.name} onConfirm={() => remove.mutateAsync(person.id)} />
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        extra={
          <>
            {writable && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => openForm(null)}>
                {t('common.create')}
              </Button>
            )}
            {canWrite(me.role, 'imports') && (
              <Link to="/imports?kind=people">
                <Button icon={<ImportOutlined />}>{t('common.import')}</Button>
              </Link>
            )}
            <ExportButton entity="people" query={list.query} />
          </>
        }
      />
      <ListToolbar
        activeFilters={Object.keys(list.filters).length}
        search={
          <Input.Search
            key={list.q}
            defaultValue={list.q}
            allowClear
            placeholder={t('people.searchPlaceholder')}
            onSearch={(q) => list.update({ q })}
          />
        }
        filters={
          <>
            {me.role !== 'unit' && (
              <UnitSelect
                placeholder={t('people.unit')}
                value={list.filters.unitId}
                onChange={(unitId) => list.update({ unitId })}
              />
            )}
            <Select<PersonDuty>
              allowClear
              placeholder={t('people.duties')}
              value={list.filters.duty as PersonDuty | undefined}
              onChange={(duty) => list.update({ duty })}
              options={PERSON_DUTIES.map((d) => ({ value: d, label: l(PERSON_DUTY_LABELS[d]) }))}
              style={{ minWidth: 140 }}
            />
          </>
        }
      />
      {people.isError && <QueryError error={people.error} onRetry={() => people.refetch()} />}
      <Table<Person>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={people.data?.items}
        loading={people.isFetching}
        pagination={listPagination(list, people.data?.total)}
        scroll={{ x: 'max-content' }}
      />
      {writable && (
        <PersonFormDrawer open={drawerOpen} person={editing} onClose={() => setDrawerOpen(false)} />
      )}
    </>
  );
}

import { PlusOutlined } from '@ant-design/icons';
import type { UnitTrades } from '@chuangcheng/contracts';
import { Alert, App, Button, Form, Modal, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { exportTrades, useSetUnitTrades, useTrades } from '../api/trades';
import { useCatalogWritable } from '../hooks/use-catalog-writable';
import { CategoryTreeSelect } from './category-tree-select';

interface Editing {
  unit: { id: string; name: string } | null;
  categoryIds: string[];
}

/** The form of one department: which categories (and their sub-categories) it supervises. */
function TradesModal({ editing, onClose }: { editing: Editing; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSetUnitTrades();
  const [form] = Form.useForm<{ unitId: string | null; categoryIds: string[] }>();
  const submit = async () => {
    const v = await form.validateFields();
    if (!v.unitId) return;
    save.mutate(
      { unitId: v.unitId, body: { categoryIds: v.categoryIds ?? [] } },
      {
        onSuccess: () => {
          message.success(t('trades.saved'));
          onClose();
        },
        onError: (error) => message.error(errorMessage(error, locale)),
      },
    );
  };
  return (
    <Modal
      open
      title={editing.unit ? t('trades.editTitle', { unit: editing.unit.name }) : t('trades.add')}
      okText={t('common.save')}
      onOk={submit}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ unitId: editing.unit?.id ?? null, categoryIds: editing.categoryIds }}
      >
        <Form.Item
          name="unitId"
          label={t('trades.unit')}
          rules={[{ required: true, message: t('trades.unitRequired') }]}
        >
          <UnitSelect
            disabled={!!editing.unit}
            known={editing.unit ? [editing.unit] : []}
            placeholder={t('trades.unitPlaceholder')}
          />
        </Form.Item>
        <Form.Item name="categoryIds" label={t('trades.categories')} extra={t('trades.categoriesHelp')}>
          <CategoryTreeSelect
            multiple
            placeholder={t('trades.categoriesPlaceholder')}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 行业主管: which categories each functional department supervises (谁主管、谁负责). */
export default function TradesPage() {
  const { t } = useI18n();
  const writable = useCatalogWritable();
  const trades = useTrades();
  const [editing, setEditing] = useState<Editing | null>(null);

  const columns: TableColumnsType<UnitTrades> = [
    { title: t('trades.unit'), key: 'unit', width: 160, render: (_, r) => r.unit.name },
    {
      title: t('trades.region'),
      key: 'region',
      width: 120,
      render: (_, r) => r.region?.name ?? t('trades.wholeCity'),
    },
    {
      title: t('trades.categories'),
      key: 'categories',
      render: (_, r) => (
        <Space size={[4, 4]} wrap>
          {r.categories.map((c) =>
            c.categoryId ? (
              <Tooltip key={`${c.kind}:${c.code}`} title={c.path}>
                <Tag color="blue">
                  {c.code} {c.name}
                </Tag>
              </Tooltip>
            ) : (
              <Tooltip key={`${c.kind}:${c.code}`} title={t('trades.notInCatalog')}>
                <Tag>{c.code}</Tag>
              </Tooltip>
            ),
          )}
        </Space>
      ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() =>
            setEditing({
              unit: r.unit,
              categoryIds: r.categories.flatMap((c) => (c.categoryId ? [c.categoryId] : [])),
            })
          }
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <PageHeader
        extra={
          <Space wrap>
            <DownloadButton onDownload={exportTrades} data-testid="trades-export">
              {t('common.export')}
            </DownloadButton>
            {writable && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ unit: null, categoryIds: [] })}
                data-testid="trades-add"
              >
                {t('trades.add')}
              </Button>
            )}
          </Space>
        }
      />
      <Alert type="info" showIcon className="cc-case-section" title={t('trades.explain')} />
      {trades.isError && <QueryError error={trades.error} onRetry={() => trades.refetch()} />}
      <Table<UnitTrades>
        rowKey={(r) => r.unit.id}
        size="middle"
        columns={columns}
        dataSource={trades.data ?? []}
        loading={trades.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('trades.empty') }}
        data-testid="trades-table"
      />
      {editing && <TradesModal editing={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

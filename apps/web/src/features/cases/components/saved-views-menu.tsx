import { DeleteOutlined, DownOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import type { SavedView } from '@chuangcheng/contracts';
import { App, Button, Dropdown, Form, Input, type MenuProps, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCreateSavedView, useDeleteSavedView, useSavedViews } from '../api/saved-views';
import { CASE_FILTERS, type CaseListState } from '../hooks/use-case-list';

const VIEW_KEYS = ['q', ...CASE_FILTERS] as const;

/** What a view stores: the search and filters on screen (never the page). */
function currentQuery(list: CaseListState): Record<string, string> {
  const query: Record<string, string> = { ...(list.filters as Record<string, string>) };
  if (list.q) query.q = list.q;
  return query;
}

/** Replaces the search and every filter with the view's (unknown keys of older views are ignored). */
function applyPatch(view: SavedView): Record<string, string | undefined> {
  const patch: Record<string, string | undefined> = {};
  for (const key of VIEW_KEYS) {
    const value = view.query[key];
    patch[key] = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
  }
  return patch;
}

function SaveViewModal({ open, list, onClose }: { open: boolean; list: CaseListState; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateSavedView();
  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const { name } = values;
    create.mutate(
      { name: name.trim(), query: currentQuery(list) },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (error) => form.setFields([{ name: 'name', errors: [errorMessage(error, locale)] }]),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('cases.views.save')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" autoComplete="off" onFinish={submit}>
        <Form.Item
          name="name"
          label={t('cases.views.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.required', { field: t('cases.views.name') }),
            },
          ]}
        >
          <Input maxLength={40} autoFocus data-testid="view-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 常用视图: apply a saved set of filters, save the current one under a name, delete one. */
export function SavedViewsMenu({ list }: { list: CaseListState }) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const views = useSavedViews();
  const remove = useDeleteSavedView();
  const [saving, setSaving] = useState(false);

  const confirmDelete = (view: SavedView) =>
    modal.confirm({
      title: t('common.deleteConfirm', { name: view.name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove
          .mutateAsync(view.id)
          .then(() => message.success(t('common.deleted')))
          .catch((error: unknown) => message.error(errorMessage(error, locale))),
    });

  const items: MenuProps['items'] = [
    ...(views.data ?? []).map((view) => ({
      key: view.id,
      label: (
        <span className="cc-view-item">
          <span>{view.name}</span>
          <DeleteOutlined
            className="cc-view-delete"
            aria-label={t('common.delete')}
            onClick={(e) => {
              e.stopPropagation();
              confirmDelete(view);
            }}
          />
        </span>
      ),
      onClick: () => list.update(applyPatch(view)),
    })),
    ...(views.data?.length ? [{ type: 'divider' as const }] : []),
    { key: 'save', icon: <SaveOutlined />, label: t('cases.views.save'), onClick: () => setSaving(true) },
  ];

  return (
    <>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button icon={<StarOutlined />} loading={views.isFetching} data-testid="saved-views">
          {t('cases.views.title')} <DownOutlined />
        </Button>
      </Dropdown>
      <SaveViewModal open={saving} list={list} onClose={() => setSaving(false)} />
    </>
  );
}

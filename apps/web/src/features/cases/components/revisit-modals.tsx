import { CASE_LINK_TEXT, REVISIT_STATUS_LABELS, type Revisit } from '@chuangcheng/contracts';
import { Alert, App, type ButtonProps, Form, Input, InputNumber, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCreateRevisits, useRecordRevisit } from '../api/case-links';
import { CategoryTreeSelect, useCategory } from './category-select';
import { fill } from './duplicate-alert';
import { PhotoUploader } from './photo-uploader';

// The two dialogs of the 回头看 page.

const X = CASE_LINK_TEXT;

interface DrawValues {
  from: string;
  to: string;
  percent: number;
  categoryId?: string | null;
  dueDate?: string;
}

/** 抽取回头看: a period of closings, a percentage, optionally one category. */
export function DrawModal({
  open,
  onClose,
  onDrawn,
}: {
  open: boolean;
  onClose: () => void;
  onDrawn: (id: string) => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DrawValues>();
  const create = useCreateRevisits();
  const [error, setError] = useState<string | null>(null);
  const category = useCategory(Form.useWatch('categoryId', form));
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    create.mutate(
      {
        from: v.from,
        to: v.to,
        percent: v.percent,
        ...(category ? { categoryCode: category.code } : {}),
        ...(v.dueDate ? { dueDate: v.dueDate } : {}),
      },
      {
        onSuccess: (r) => {
          message.success(fill(l(X.revisitDrawn), { n: r.sampled, candidates: r.candidates }));
          onDrawn(r.batchId);
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, ['from', 'to', 'percent', 'dueDate']))
            setError(errorMessage(e, locale));
        },
      },
    );
  };
  const okProps: ButtonProps & { 'data-testid': string } = {
    loading: create.isPending,
    'data-testid': 'revisit-draw-submit',
  };
  const today = todayInCity();
  const required = { required: true, message: t('common.select') };
  return (
    <Modal
      open={open}
      title={l(X.revisitNew)}
      onCancel={onClose}
      onOk={submit}
      okText={l(X.revisitNew)}
      cancelText={t('common.cancel')}
      okButtonProps={okProps}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ from: `${today.slice(0, 8)}01`, to: today, percent: 10 }}
        data-testid="revisit-draw-form"
      >
        <Space.Compact block>
          <Form.Item name="from" label={`${l(X.revisitPeriod)} ${t('kpis.from')}`} rules={[required]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="to" label={t('kpis.to')} rules={[required]}>
            <Input type="date" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="percent" label={l(X.revisitPercent)} rules={[required]}>
          <InputNumber min={1} max={100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="categoryId" label={t('cases.category')}>
          <CategoryTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="dueDate" label={l(X.revisitDue)}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records what was found: still fixed, or back (a note is required; a new case is registered). */
export function ResultModal({
  target,
  onClose,
}: {
  target: { r: Revisit; ok: boolean } | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; photoIds?: string[] }>();
  const record = useRecordRevisit();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ok = target?.ok ?? true;
  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    record.mutate(
      { id: target.r.id, body: { ok, note: v.note?.trim() || undefined, photoIds: v.photoIds ?? [] } },
      {
        onSuccess: (r) => {
          message.success(
            r.relapseCase
              ? `${l(X.revisitRelapsed)} → ${r.relapseCase.number}`
              : l(REVISIT_STATUS_LABELS[r.status]),
          );
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e, ['note', 'photoIds'])) setError(errorMessage(e, locale));
        },
      },
    );
  };
  return (
    <Modal
      open={Boolean(target)}
      title={target ? `${l(ok ? X.revisitOk : X.revisitRelapsed)} · ${target.r.case.number}` : ''}
      onCancel={onClose}
      onOk={submit}
      okText={target ? l(ok ? X.revisitOk : X.revisitRelapsed) : t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: record.isPending, disabled: busy, danger: !ok }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {target && (
        <Form form={form} layout="vertical" data-testid="revisit-result-form">
          <Typography.Paragraph type="secondary">
            {target.r.case.categoryName} · {target.r.case.address ?? target.r.case.description.slice(0, 40)}
          </Typography.Paragraph>
          <Form.Item
            name="note"
            label={l(X.revisitNote)}
            extra={l(ok ? X.revisitOkNote : X.revisitRelapseNote)}
            rules={
              ok
                ? []
                : [{ required: true, min: 2, message: t('common.required', { field: l(X.revisitNote) }) }]
            }
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="photoIds" label={l(X.revisitPhotos)}>
            <PhotoUploader kind={ok ? 'other' : 'before'} onBusyChange={setBusy} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

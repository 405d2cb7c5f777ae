import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CATEGORY_KIND_LABELS,
  CATEGORY_LEVEL_LABELS,
  type Category,
  type CreateCategory,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
  type UpdateCategory,
} from '@chuangcheng/contracts';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';
import { type CatalogNode, childLevel } from './catalog-tree';
import { requiredTimeLimit, TimeLimitInput, type TimeLimitValue, toTimeLimit } from './time-limit-input';

export type CategoryFormMode = { kind: 'create'; parent: CatalogNode } | { kind: 'edit'; category: Category };

interface ConditionValues {
  text: string;
  timeLimit: TimeLimitValue;
  closingCondition: string;
}

interface FormValues {
  code: string;
  name: string;
  departmentId?: string | null;
  severity: Severity;
  conditions: ConditionValues[];
}

const FIELDS = ['code', 'name', 'departmentId', 'severity', 'conditions'] as const;
const MAX_CONDITIONS = 20;

function initialValues(mode: CategoryFormMode): Partial<FormValues> {
  if (mode.kind === 'create') return { severity: 'normal', conditions: [] };
  const c = mode.category;
  return {
    code: c.code,
    name: c.name,
    departmentId: c.department?.id ?? null,
    severity: c.severity,
    conditions: c.conditions.map((x) => ({
      text: x.text,
      timeLimit: x.timeLimit,
      closingCondition: x.closingCondition,
    })),
  };
}

function ConditionsList() {
  const { t } = useI18n();
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field }),
  });
  return (
    <Form.List name="conditions">
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${t('catalog.conditionText')} ${index + 1}`}
              extra={
                <Button
                  type="text"
                  danger
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item
                name={[field.name, 'text']}
                label={t('catalog.conditionText')}
                rules={[required(t('catalog.conditionText'))]}
              >
                <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'timeLimit']}
                label={t('catalog.timeLimit')}
                required
                rules={[
                  {
                    validator: requiredTimeLimit(t('common.required', { field: t('catalog.timeLimit') })),
                  },
                ]}
              >
                <TimeLimitInput />
              </Form.Item>
              <Form.Item
                name={[field.name, 'closingCondition']}
                label={t('catalog.closingCondition')}
                rules={[required(t('catalog.closingCondition'))]}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_CONDITIONS && (
            <Button
              type="dashed"
              block
              icon={<PlusOutlined />}
              onClick={() => add({ text: '', timeLimit: { unit: 'work_days' }, closingCondition: '' })}
              data-testid="catalog-add-condition"
            >
              {t('catalog.addCondition')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/**
 * Create a class under a kind or a class, or edit one (its code and place in the tree stay).
 * Give it a new `key` per opening: the form instance (and so its values) belongs to one opening.
 */
export function CategoryFormDrawer({
  mode,
  onClose,
  onSaved,
}: {
  mode: CategoryFormMode | null;
  onClose: () => void;
  onSaved: (category: Category) => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const [formError, setFormError] = useState<string | null>(null);
  // The last mode stays on screen while the drawer slides out.
  const lastMode = useRef(mode);
  if (mode) lastMode.current = mode;
  const shown = mode ?? lastMode.current;

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    if (!mode) return;
    // Invalid fields show their own messages; nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const common = {
      name: values.name.trim(),
      departmentId: values.departmentId ?? null,
      severity: values.severity,
      conditions: (values.conditions ?? []).map((c) => ({
        text: c.text.trim(),
        timeLimit: toTimeLimit(c.timeLimit) as NonNullable<ReturnType<typeof toTimeLimit>>,
        closingCondition: c.closingCondition.trim(),
      })),
    };
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    const onSuccess = (category: Category) => {
      message.success(mode.kind === 'edit' ? t('common.saved') : t('common.created'));
      onSaved(category);
      close();
    };
    if (mode.kind === 'edit') {
      const body: UpdateCategory = common;
      update.mutate({ id: mode.category.id, body }, { onSuccess, onError });
    } else {
      const body: CreateCategory = {
        ...common,
        parentId: mode.parent.category?.id ?? null,
        kind: mode.parent.kind,
        code: values.code.trim(),
      };
      create.mutate(body, { onSuccess, onError });
    }
  };

  const level = shown?.kind === 'create' ? childLevel(shown.parent) : null;
  const parentText =
    shown?.kind === 'create'
      ? (shown.parent.category?.path ?? l(CATEGORY_KIND_LABELS[shown.parent.kind]))
      : shown?.category.path;

  return (
    <FormDrawer
      open={mode !== null}
      title={
        shown?.kind === 'create' && level
          ? t('catalog.createTitle', { level: l(CATEGORY_LEVEL_LABELS[level]) })
          : t('catalog.editTitle')
      }
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
      width={600}
    >
      {shown && (
        <Form form={form} layout="vertical" initialValues={initialValues(shown)} data-testid="category-form">
          <Typography.Paragraph type="secondary">
            {shown.kind === 'create' ? t('catalog.parent') : t('catalog.path')}：{parentText}
          </Typography.Paragraph>
          <Form.Item
            name="code"
            label={t('common.code')}
            extra={shown.kind === 'create' ? t('catalog.codeHint') : undefined}
            rules={[
              { required: true, message: t('common.required', { field: t('common.code') }) },
              { pattern: /^[0-9]{2,8}$/, message: t('catalog.codeHint') },
            ]}
          >
            <Input maxLength={8} inputMode="numeric" disabled={shown.kind === 'edit'} className="cc-mono" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('common.name')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('common.name') }),
              },
            ]}
          >
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('catalog.department')}>
            <UnitSelect
              known={shown.kind === 'edit' ? [shown.category.department] : []}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="severity" label={t('catalog.severity')} rules={[{ required: true }]}>
            <Select<Severity> options={SEVERITIES.map((s) => ({ value: s, label: l(SEVERITY_LABELS[s]) }))} />
          </Form.Item>
          <Typography.Title level={5}>{t('catalog.conditions')}</Typography.Title>
          <ConditionsList />
        </Form>
      )}
    </FormDrawer>
  );
}

import {
  REGION_CODE_LENGTH,
  REGION_LEVEL_LABELS,
  REGION_LEVELS,
  type RegionLevel,
} from '@chuangcheng/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import type { RegionNode } from '../../../lib/lookups';
import { useCreateRegion } from '../api/create-region';
import { useRenameRegion } from '../api/rename-region';

export type RegionFormMode =
  | { kind: 'child'; parent: RegionNode | null }
  | { kind: 'rename'; region: RegionNode };

function childLevel(parent: RegionNode | null): RegionLevel | null {
  if (!parent) return 'city';
  const next = REGION_LEVELS[REGION_LEVELS.indexOf(parent.level) + 1];
  return next ?? null;
}

/** Add a child region (code prefilled with the parent's prefix) or rename one. */
export function RegionFormModal({
  mode,
  onClose,
  onCreated,
}: {
  mode: RegionFormMode | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const create = useCreateRegion();
  const rename = useRenameRegion();
  const [formError, setFormError] = useState<string | null>(null);

  const level = mode?.kind === 'child' ? childLevel(mode.parent) : null;
  const codeLength = level ? REGION_CODE_LENGTH[level] : 0;
  // A street's code extends its district's, a community's its street's (GB/T 2260 + 3 + 3 digits).
  const prefix =
    mode?.kind === 'child' && mode.parent && (level === 'street' || level === 'community')
      ? mode.parent.code
      : '';

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    if (!mode) return;
    const values = await form.validateFields();
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, ['code', 'name'])) setFormError(errorMessage(error, locale));
    };
    if (mode.kind === 'rename') {
      rename.mutate(
        { id: mode.region.id, name: values.name.trim() },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else if (level) {
      create.mutate(
        { parentId: mode.parent?.id ?? null, code: values.code.trim(), name: values.name.trim(), level },
        {
          onSuccess: (region) => {
            message.success(t('common.created'));
            onCreated(region.id);
            close();
          },
          onError,
        },
      );
    }
  };

  const title =
    mode?.kind === 'rename'
      ? `${t('regions.rename')}：${mode.region.name}`
      : mode?.parent
        ? `${t('regions.addChild')}：${mode.parent.name}`
        : t('regions.addRoot');

  return (
    <Modal
      open={Boolean(mode)}
      title={title}
      onCancel={close}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || rename.isPending}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={
          mode?.kind === 'rename' ? { name: mode.region.name, code: mode.region.code } : { code: prefix }
        }
      >
        {mode?.kind === 'child' && level && (
          <Form.Item
            name="code"
            label={`${t('common.code')}（${l(REGION_LEVEL_LABELS[level])}）`}
            extra={t('regions.codeHint', { level: l(REGION_LEVEL_LABELS[level]), n: codeLength })}
            rules={[
              { required: true, message: t('common.required', { field: t('common.code') }) },
              {
                pattern: new RegExp(`^${prefix}\\d{${codeLength - prefix.length}}$`),
                message: t('regions.codeHint', { level: l(REGION_LEVEL_LABELS[level]), n: codeLength }),
              },
            ]}
          >
            <Input className="cc-mono" maxLength={codeLength} inputMode="numeric" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('common.name') }) },
          ]}
        >
          <Input maxLength={64} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export { childLevel };

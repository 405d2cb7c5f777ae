import type { CampaignTask } from '@chuangcheng/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { UnitMultiSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useUpsertTask } from '../api/upsert-task';
import { useMessages } from '../messages';

export interface TaskTarget {
  nodeId: string;
  code: string;
  title: string;
  task: CampaignTask | null;
}

interface Values {
  leadUnitId: string | null;
  coUnitIds: string[];
  leaderName?: string;
  ownerName?: string;
  ownerPhone?: string;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

/** Who answers for one indicator: 牵头单位, 配合单位, 挂钩领导, 具体负责人, 电话. */
export function TaskEditModal({
  campaignId,
  target,
  onClose,
}: {
  campaignId: string;
  target: TaskTarget | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const m = useMessages();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const upsert = useUpsertTask();
  const [error, setError] = useState<string | null>(null);
  const task = target?.task ?? null;

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    setError(null);
    upsert.mutate(
      {
        campaignId,
        body: {
          nodeId: target.nodeId,
          leadUnitId: v.leadUnitId ?? null,
          coUnitIds: v.coUnitIds ?? [],
          leaderName: blankToNull(v.leaderName),
          ownerName: blankToNull(v.ownerName),
          ownerPhone: blankToNull(v.ownerPhone),
        },
      },
      {
        onSuccess: () => {
          message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => setError(errorMessage(e, locale)),
      },
    );
  };

  return (
    <Modal
      open={Boolean(target)}
      title={target ? m('editTask', { code: target.code, title: target.title }) : ''}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={upsert.isPending}
      width={isMobile ? '100%' : 560}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          leadUnitId: task?.leadUnitId ?? null,
          coUnitIds: task?.coUnitIds ?? [],
          leaderName: task?.leaderName ?? '',
          ownerName: task?.ownerName ?? '',
          ownerPhone: task?.ownerPhone ?? '',
        }}
        data-testid="task-form"
      >
        <Form.Item name="leadUnitId" label={m('leadUnit')}>
          <UnitSelect
            known={task?.leadUnitId ? [{ id: task.leadUnitId, name: task.leadUnitName ?? '' }] : []}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="coUnitIds" label={m('coUnits')}>
          <UnitMultiSelect
            known={(task?.coUnitIds ?? []).map((id, i) => ({ id, name: task?.coUnitNames[i] ?? id }))}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="leaderName" label={m('leaderName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="ownerName" label={m('ownerName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="ownerPhone" label={m('ownerPhone')}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { ROUND_KIND_LABELS, ROUND_KINDS, type RoundKind } from '@chuangcheng/contracts';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useCreateRound } from '../api/create-round';

interface Values {
  kind: RoundKind;
  name: string;
  heldOn: string;
  derive: boolean;
}

const FIELDS = ['kind', 'name', 'heldOn', 'derive'] as const;

/** 新建轮次: kind, name, date and whether the system derives scores from cases, metrics and evidence. */
export function CreateRoundModal({
  campaignId,
  open,
  onClose,
}: {
  campaignId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { l } = useI18n();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateRound();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  const onOk = async () => {
    const v = await form.validateFields();
    setFormError(null);
    try {
      const round = await create.mutateAsync({ campaignId, ...v, name: v.name.trim() });
      onClose();
      navigate(`/rounds/${round.id}`);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title="新建测评轮次"
      okText="创建"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={isMobile ? '100%' : 480}
      destroyOnHidden
      data-testid="create-round-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'self', heldOn: todayInCity(), derive: true, name: '' }}
        onValuesChange={(changed: Partial<Values>, all) => {
          // A name that is still the default follows the kind.
          if (
            changed.kind &&
            (!all.name || ROUND_KINDS.some((k) => all.name.startsWith(l(ROUND_KIND_LABELS[k]))))
          )
            form.setFieldValue('name', `${l(ROUND_KIND_LABELS[changed.kind])}（${all.heldOn ?? ''}）`);
        }}
      >
        <Form.Item name="kind" label="轮次类型" rules={[{ required: true }]}>
          <Select
            options={ROUND_KINDS.map((k) => ({ value: k, label: l(ROUND_KIND_LABELS[k]) }))}
            data-testid="round-kind"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={100} placeholder="如：2026年第三季度自查" data-testid="round-name" />
        </Form.Item>
        <Form.Item name="heldOn" label="测评日期" rules={[{ required: true, message: '请选择日期' }]}>
          <Input type="date" data-testid="round-date" />
        </Form.Item>
        <Form.Item
          name="derive"
          label="自动计算"
          valuePropName="checked"
          extra={
            kind === 'upper_secret' || kind === 'upper_tech'
              ? '上级测评通常只录入上级给出的结果，可关闭自动计算'
              : '由关联案件、系统指标和台账完整性自动得出可计算的指标得分（可人工覆盖）'
          }
        >
          <Switch data-testid="round-derive" />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}

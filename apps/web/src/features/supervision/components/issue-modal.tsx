import { Alert, App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useDefaults, useIssue, useSupervisableCases } from '../api/supervision';

interface Values {
  caseIds: string[];
  level: 1 | 2;
  deadline: Dayjs;
  requirements: string;
}

/** Issue one 督办单 for one or several open cases of one unit, with its own 限期. */
export function IssueModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const cases = useSupervisableCases(open);
  const defaults = useDefaults();
  const issue = useIssue();
  const chosen = Form.useWatch('caseIds', form) ?? [];
  const items = cases.data?.items ?? [];
  const unitOfChosen = items.find((c) => c.id === chosen[0])?.leadUnit?.id;
  const options = useMemo(
    () =>
      items.map((c) => ({
        value: c.id,
        label: `${c.number} ${c.leadUnit?.name ?? ''} ${c.description.slice(0, 24)}`,
        // One 督办单 covers problems of one unit.
        disabled: !!unitOfChosen && c.leadUnit?.id !== unitOfChosen,
      })),
    [items, unitOfChosen],
  );
  useEffect(() => {
    if (open && defaults.data && !form.getFieldValue('deadline')) {
      form.setFieldValue('deadline', dayjs(defaults.data.deadline));
    }
  }, [open, defaults.data, form]);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const order = await issue.mutateAsync({
        caseIds: v.caseIds,
        level: v.level,
        deadline: v.deadline.toISOString(),
        requirements: v.requirements.trim(),
      });
      message.success(`${t('supervision.issued')}：${order.number}`);
      form.resetFields();
      onClose();
      navigate(`/supervision/${order.id}`);
    } catch (e) {
      setError(errorMessage(e, locale));
    }
  };
  return (
    <Modal
      open={open}
      title={t('supervision.issue')}
      onCancel={onClose}
      onOk={submit}
      confirmLoading={issue.isPending}
      okText={t('supervision.issue')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ level: 1 }}>
        <Form.Item name="caseIds" label={t('supervision.cases')} rules={[{ required: true }]}>
          <Select mode="multiple" options={options} loading={cases.isLoading} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="level" label={t('supervision.level')}>
          <Radio.Group
            options={[
              { value: 1, label: '督办' },
              { value: 2, label: '挂牌督办' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="deadline"
          label={t('supervision.deadline')}
          extra={t('supervision.deadlineHint')}
          rules={[{ required: true }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.endOf('day').valueOf() < Date.now()}
            style={{ width: '100%' }}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="requirements" label={t('supervision.requirements')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

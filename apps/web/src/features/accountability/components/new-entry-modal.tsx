import {
  ACCOUNTABILITY_TEXT_MAX,
  type CaseDetail,
  type CaseSummary,
  ACCOUNTABILITY_FIELD_LABELS as F,
  type Page,
} from '@chuangcheng/contracts';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, App, type ButtonProps, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import {
  AccountabilityFields,
  type AccountabilityFormValues,
  accountabilityDetails,
} from '../../../components/accountability';
import { UnitSelect } from '../../../components/pickers/entity-pickers';
import { useDebounced } from '../../../components/pickers/use-debounced';
import { api, errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useCreateEntry } from '../api/accountability';

interface Values extends AccountabilityFormValues {
  unitId?: string | null;
  text?: string;
  caseIds?: string[];
  supervisionOrderIds?: string[];
}

const FIELDS = [
  'unitId',
  'situationId',
  'methodId',
  'personName',
  'personPost',
  'decidedOn',
  'text',
  'caseIds',
  'supervisionOrderIds',
] as const;

/** Cases found by number or text, for linking. */
function CaseSearch(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['cases', 'list', { q, pageSize: 20 }],
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/api/cases', { query: { q, pageSize: 20 }, signal }),
    enabled: q.length > 0,
  });
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder="输入案件编号或描述搜索"
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.number} ${c.category.name}`,
      }))}
      notFoundContent={q ? '没有找到案件' : '输入后搜索'}
      data-testid="accountability-cases"
    />
  );
}

/** 登记问责: an entry made directly in the register; 督办单 are offered from the linked cases. */
export function NewEntryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { l, locale } = useI18n();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateEntry();
  const caseIds = Form.useWatch('caseIds', form) ?? [];
  const unitId = Form.useWatch('unitId', form);
  const details = useQueries({
    queries: caseIds.map((id) => ({
      queryKey: ['cases', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<CaseDetail>(`/api/cases/${id}`, { signal }),
    })),
  });
  // A 督办单 goes to the case's lead unit: offer those of the unit chosen.
  const orders = details
    .flatMap((d) => (d.data && (!unitId || d.data.leadUnit?.id === unitId) ? d.data.supervisionOrders : []))
    .map((o) => ({ value: o.id, label: o.number }));

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      await create.mutateAsync({
        ...accountabilityDetails(v),
        unitId: v.unitId ?? '',
        situationId: v.situationId ?? '',
        methodId: v.methodId ?? '',
        text: v.text?.trim() ?? '',
        caseIds: v.caseIds ?? [],
        supervisionOrderIds: v.supervisionOrderIds ?? [],
      });
      message.success('已登记问责');
      close();
    } catch (e) {
      if (!applyFieldErrors(form, e, FIELDS)) setError(errorMessage(e, locale));
    }
  };

  return (
    <Modal
      open={open}
      title="登记问责"
      onCancel={close}
      onOk={submit}
      okText="登记"
      okButtonProps={
        { danger: true, loading: create.isPending, 'data-testid': 'accountability-submit' } as ButtonProps
      }
      width={isMobile ? '100%' : 620}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {error && (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 12 }}
          data-testid="accountability-error"
        />
      )}
      <Form form={form} layout="vertical" autoComplete="off" data-testid="accountability-form">
        <Form.Item
          name="unitId"
          label={l(F.unitId)}
          rules={[{ required: true, message: '请选择被问责单位' }]}
        >
          <UnitSelect style={{ width: '100%' }} />
        </Form.Item>
        <AccountabilityFields required />
        <Form.Item
          name="text"
          label={l(F.text)}
          rules={[{ required: true, whitespace: true, message: '请填写问责事由' }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={ACCOUNTABILITY_TEXT_MAX}
            showCount
            data-testid="accountability-text"
          />
        </Form.Item>
        <Form.Item name="caseIds" label={l(F.caseIds)}>
          <CaseSearch />
        </Form.Item>
        <Form.Item
          name="supervisionOrderIds"
          label={l(F.supervisionOrderIds)}
          extra="列出所选案件下发给该单位的督办单"
        >
          <Select mode="multiple" options={orders} notFoundContent="所选案件没有该单位的督办单" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import {
  type Accountability,
  type AccountabilityDetails,
  type AccountabilityKind,
  ACCOUNTABILITY_FIELD_LABELS as F,
  type Page,
} from '@chuangcheng/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Descriptions, Form, Input, Select, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../lib/api-client';
import { todayInCity } from '../lib/format';
import { useI18n } from '../lib/i18n';

// Shared by the case detail (the 问责 action and the case's entries) and the 问责 register page: the
// two features may not import each other.

export const accountabilityKindsQuery = queryOptions({
  queryKey: ['accountability', 'kinds'],
  queryFn: ({ signal }) => api.get<AccountabilityKind[]>('/api/accountability-kinds', { signal }),
  staleTime: 60_000,
});

/** The form's values of the register fields (the date as the picker's Dayjs). */
export interface AccountabilityFormValues {
  situationId?: string | null;
  methodId?: string | null;
  personName?: string;
  personPost?: string;
  decidedOn?: { format(pattern: string): string } | null;
}

/** The request's fields from the form values (empty ones left out: 未分类, today). */
export function accountabilityDetails(v: AccountabilityFormValues | undefined): AccountabilityDetails {
  return {
    situationId: v?.situationId || undefined,
    methodId: v?.methodId || undefined,
    personName: v?.personName?.trim() || undefined,
    personPost: v?.personPost?.trim() || undefined,
    decidedOn: v?.decidedOn ? v.decidedOn.format('YYYY-MM-DD') : undefined,
  };
}

function KindSelect({
  type,
  ...props
}: {
  type: AccountabilityKind['type'];
  value?: string | null;
  onChange?: (v: string | null) => void;
  id?: string;
}) {
  const kinds = useQuery(accountabilityKindsQuery);
  const options = (kinds.data ?? [])
    .filter((k) => k.type === type && (k.active || k.id === props.value))
    .map((k) => ({ value: k.id, label: k.name, title: k.description ?? k.name }));
  return (
    <Select
      {...props}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      loading={kinds.isLoading}
      options={options}
      style={{ width: '100%' }}
      data-testid={`accountability-${type}`}
    />
  );
}

/**
 * 情形, 方式, person, post and date of a 问责, under `name` in the form (e.g. ['accountability']).
 * `required`: the register asks for 情形 and 方式; a case's 问责 may leave them (未分类).
 */
export function AccountabilityFields({
  name = [],
  required = false,
}: {
  name?: string[];
  required?: boolean;
}) {
  const { l, t } = useI18n();
  const rule = (label: string) =>
    required ? [{ required: true, message: t('common.required', { field: label }) }] : [];
  return (
    <>
      <Form.Item name={[...name, 'situationId']} label={l(F.situationId)} rules={rule(l(F.situationId))}>
        <KindSelect type="situation" />
      </Form.Item>
      <Form.Item name={[...name, 'methodId']} label={l(F.methodId)} rules={rule(l(F.methodId))}>
        <KindSelect type="method" />
      </Form.Item>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <Form.Item name={[...name, 'personName']} label={l(F.personName)} style={{ flex: '1 1 140px' }}>
          <Input maxLength={64} data-testid="accountability-person" />
        </Form.Item>
        <Form.Item name={[...name, 'personPost']} label={l(F.personPost)} style={{ flex: '1 1 140px' }}>
          <Input maxLength={100} data-testid="accountability-post" />
        </Form.Item>
        <Form.Item name={[...name, 'decidedOn']} label={l(F.decidedOn)} style={{ flex: '1 1 140px' }}>
          <DatePicker
            style={{ width: '100%' }}
            inputReadOnly
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayInCity()}
            placeholder="默认今天"
          />
        </Form.Item>
      </div>
    </>
  );
}

/** The register entries of one case (its 问责 actions and entries that link it). */
export function CaseAccountability({ caseId, className }: { caseId: string; className?: string }) {
  const { l } = useI18n();
  const list = useQuery({
    // Under 'cases': the case's transitions (its 问责 action) refresh it with the case's other lists.
    queryKey: ['cases', 'accountability', caseId],
    queryFn: ({ signal }) =>
      api.get<Page<Accountability>>('/api/accountability', { query: { caseId, pageSize: 50 }, signal }),
  });
  const items = list.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card size="small" title="问责记录" className={className} data-testid="case-accountability">
      {items.map((a) => (
        <Descriptions
          key={a.id}
          size="small"
          column={1}
          style={{ marginBottom: 8 }}
          items={[
            {
              label: l(F.unitId),
              children: (
                <span>
                  <Typography.Text strong>{a.unit.name}</Typography.Text>
                  {a.personName && ` · ${a.personName}${a.personPost ? `（${a.personPost}）` : ''}`}
                </span>
              ),
            },
            {
              label: `${l(F.situationId)} / ${l(F.methodId)}`,
              children: (
                <span>
                  <Tag>{a.situation?.name ?? '未分类'}</Tag>
                  <Tag color="red">{a.method?.name ?? '未分类'}</Tag>
                </span>
              ),
            },
            { label: l(F.text), children: a.text },
            {
              label: l(F.decidedOn),
              children: (
                <span>
                  {a.decidedOn} · {a.issuedByName} · <Link to={`/accountability?id=${a.id}`}>问责登记</Link>
                </span>
              ),
            },
          ]}
        />
      ))}
    </Card>
  );
}

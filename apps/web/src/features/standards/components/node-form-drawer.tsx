import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  type CreateStandardNode,
  PERIODICITIES,
  PERIODICITY_LABELS,
  type Periodicity,
  SCORING_RULE_LABELS,
  SCORING_RULES,
  type ScoringParams,
  type ScoringRule,
  type StandardNode,
  SYSTEM_METRIC_LABELS,
  SYSTEM_METRICS,
} from '@chuangcheng/contracts';
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { UnitMultiSelect } from '../../../components/pickers/entity-pickers';
import { issuesOf, UploadFailure } from '../../../components/row-issues';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateStandardNode } from '../api/create-standard-node';
import { useUpdateStandardNode } from '../api/update-standard-node';
import { useMessages } from '../messages';

export type NodeFormMode =
  | { kind: 'create'; parent: StandardNode | null; code: string }
  | { kind: 'edit'; node: StandardNode };

const CUSTOM = '__custom';
const FIELDS = ['code', 'title', 'description', 'points', 'rule', 'evidence', 'unitIds'] as const;

interface Values {
  code: string;
  title: string;
  description?: string;
  points?: number;
  rule: ScoringRule;
  perOccurrence?: number;
  cap?: number | null;
  allowed?: number;
  metricKey?: string;
  metricText?: string;
  target?: number;
  zeroAt?: number | null;
  direction?: 'min' | 'max';
  sources?: CaseSource[];
  evidence?: { title: string; periodicity: Periodicity }[];
  unitIds?: string[];
}

const isSystemMetric = (m: string | undefined) =>
  Boolean(m && (SYSTEM_METRICS as readonly string[]).includes(m));

function initialValues(mode: NodeFormMode): Partial<Values> {
  if (mode.kind === 'create')
    return { code: mode.code, rule: 'manual', points: 0, direction: 'min', evidence: [], unitIds: [] };
  const { node } = mode;
  const p = node.params;
  return {
    code: node.code,
    title: node.title,
    description: node.description ?? undefined,
    points: node.points,
    rule: node.rule,
    perOccurrence: p.perOccurrence,
    cap: p.cap,
    allowed: p.allowed,
    metricKey: p.metric ? (isSystemMetric(p.metric) ? p.metric : CUSTOM) : undefined,
    metricText: p.metric && !isSystemMetric(p.metric) ? p.metric : undefined,
    target: p.target,
    zeroAt: p.zeroAt,
    direction: p.direction ?? 'min',
    sources: p.sources,
    evidence: node.evidence,
    unitIds: node.unitIds,
  };
}

/** Only the parameters the chosen rule reads. */
function paramsOf(v: Values): ScoringParams {
  // Cleared InputNumbers give null: leave those parameters out.
  const cap = v.cap ?? undefined;
  const zeroAt = v.zeroAt ?? undefined;
  switch (v.rule) {
    case 'deduction':
      return { perOccurrence: v.perOccurrence, ...(cap === undefined ? {} : { cap }) };
    case 'count':
      return {
        perOccurrence: v.perOccurrence,
        allowed: v.allowed ?? 0,
        ...(cap === undefined ? {} : { cap }),
      };
    case 'exposure':
      return {
        perOccurrence: v.perOccurrence,
        ...(cap === undefined ? {} : { cap }),
        ...(zeroAt === undefined ? {} : { zeroAt }),
      };
    case 'threshold':
      return {
        metric: v.metricKey === CUSTOM ? v.metricText?.trim() : v.metricKey,
        target: v.target,
        direction: v.direction ?? 'min',
        ...(zeroAt === undefined ? {} : { zeroAt }),
        ...(v.sources?.length && v.metricKey !== CUSTOM ? { sources: v.sources } : {}),
      };
    default:
      return {};
  }
}

/** Add or edit an indicator; asks exactly the fields its scoring rule needs. */
export function NodeFormDrawer({
  standardId,
  mode,
  onClose,
}: {
  standardId: string;
  mode: NodeFormMode | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const m = useMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateStandardNode();
  const update = useUpdateStandardNode();
  const [error, setError] = useState<unknown>(null);
  const rule = Form.useWatch('rule', form) ?? (mode ? initialValues(mode).rule : 'manual');
  const metricKey = Form.useWatch('metricKey', form);
  const inner = mode?.kind === 'edit' && !mode.node.leaf;

  const submit = async () => {
    if (!mode) return;
    const v = await form.validateFields();
    const body = {
      code: v.code.trim(),
      title: v.title.trim(),
      ...(v.description?.trim() ? { description: v.description.trim() } : {}),
      points: v.rule === 'veto' ? 0 : (v.points ?? 0),
      rule: v.rule,
      params: paramsOf(v),
      evidence: (v.evidence ?? [])
        .filter((e) => e?.title?.trim())
        .map((e) => ({ ...e, title: e.title.trim() })),
      unitIds: v.unitIds ?? [],
    };
    setError(null);
    const onError = (e: unknown) => {
      if (!issuesOf(e) && applyFieldErrors(form, e, FIELDS)) return;
      setError(e);
    };
    const onSuccess = () => {
      message.success(t(mode.kind === 'edit' ? 'common.saved' : 'common.created'));
      onClose();
    };
    if (mode.kind === 'edit') update.mutate({ id: mode.node.id, body }, { onSuccess, onError });
    else {
      const created: CreateStandardNode = { ...body, parentId: mode.parent?.id ?? null };
      create.mutate({ standardId, body: created }, { onSuccess, onError });
    }
  };

  const title = !mode
    ? ''
    : mode.kind === 'edit'
      ? m('nodeEditTitle', { code: mode.node.code })
      : mode.parent
        ? m('nodeChildTitle', { parent: `${mode.parent.code} ${mode.parent.title}` })
        : m('nodeCreateTitle');
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const known =
    mode?.kind === 'edit'
      ? mode.node.unitIds.map((id, i) => ({ id, name: mode.node.unitNames[i] ?? id }))
      : [];

  return (
    <FormDrawer
      open={Boolean(mode)}
      title={title}
      onClose={onClose}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      width={600}
    >
      {error !== null &&
        (issuesOf(error) ? (
          <div style={{ marginBottom: 16 }}>
            <UploadFailure error={error} />
          </div>
        ) : (
          <Alert
            type="error"
            showIcon
            title={errorMessage(error, locale)}
            style={{ marginBottom: 16 }}
            data-testid="form-error"
          />
        ))}
      {mode && (
        <Form form={form} layout="vertical" initialValues={initialValues(mode)} data-testid="node-form">
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="code"
                label={t('common.code')}
                rules={[{ ...required(t('common.code')), whitespace: true }]}
              >
                <Input maxLength={40} className="cc-mono" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name="title"
                label={m('title')}
                rules={[{ ...required(m('title')), whitespace: true }]}
              >
                <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 4 }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="rule" label={m('rule')} rules={[required(m('rule'))]}>
                <Select
                  options={SCORING_RULES.map((r) => ({ value: r, label: l(SCORING_RULE_LABELS[r]) }))}
                  data-testid="node-rule"
                />
              </Form.Item>
            </Col>
            {rule !== 'veto' && (
              <Col xs={24} sm={12}>
                <Form.Item name="points" label={m('points')} rules={[required(m('points'))]}>
                  <InputNumber min={0} max={100000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            )}
          </Row>
          {inner && rule !== 'veto' && (
            <Alert type="info" showIcon title={m('innerHint')} style={{ marginBottom: 16 }} />
          )}
          {rule === 'veto' && (
            <Alert type="warning" showIcon title={m('vetoHint')} style={{ marginBottom: 16 }} />
          )}
          {(rule === 'deduction' || rule === 'count' || rule === 'exposure') && (
            <Row gutter={12}>
              {rule === 'count' && (
                <Col xs={24} sm={8}>
                  <Form.Item
                    name="allowed"
                    label={m('allowed')}
                    extra={m('allowedHint')}
                    rules={[required(m('allowed'))]}
                  >
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} sm={8}>
                <Form.Item
                  name="perOccurrence"
                  label={m('perOccurrence')}
                  rules={[required(m('perOccurrence'))]}
                >
                  <InputNumber min={0.01} max={1000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={24} sm={8}>
                <Form.Item name="cap" label={m('cap')} extra={m('capHint')}>
                  <InputNumber min={0} max={1000} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {rule === 'exposure' && (
                <Col xs={24} sm={8}>
                  <Form.Item name="zeroAt" label={m('exposureZeroAt')} extra={m('exposureZeroAtHint')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          {rule === 'threshold' && (
            <Row gutter={12}>
              <Col xs={24} sm={metricKey === CUSTOM ? 12 : 24}>
                <Form.Item
                  name="metricKey"
                  label={m('metric')}
                  extra={m('metricHint')}
                  rules={[required(m('metric'))]}
                >
                  <Select
                    options={[
                      ...SYSTEM_METRICS.map((k) => ({ value: k, label: l(SYSTEM_METRIC_LABELS[k]) })),
                      { value: CUSTOM, label: locale === 'zh' ? '其他（手工录入）' : 'Other (entered)' },
                    ]}
                  />
                </Form.Item>
              </Col>
              {metricKey === CUSTOM && (
                <Col xs={24} sm={12}>
                  <Form.Item
                    name="metricText"
                    label={m('metric')}
                    rules={[{ ...required(m('metric')), whitespace: true }]}
                  >
                    <Input maxLength={60} placeholder="病媒密度" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={24} sm={8}>
                <Form.Item name="direction" label={m('direction')}>
                  <Select
                    options={[
                      { value: 'min', label: m('directionMin') },
                      { value: 'max', label: m('directionMax') },
                    ]}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="target" label={m('target')} rules={[required(m('target'))]}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}>
                <Form.Item name="zeroAt" label={m('zeroAt')} extra={m('zeroAtHint')}>
                  <InputNumber style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              {metricKey !== CUSTOM && (
                <Col xs={24}>
                  <Form.Item name="sources" label={m('sources')} extra={m('sourcesHint')}>
                    <Select
                      mode="multiple"
                      allowClear
                      options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))}
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          )}
          <Form.Item name="description" label={m('description')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
          <Form.Item label={m('evidence')}>
            <Form.List name="evidence">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }} wrap>
                      <Form.Item
                        name={[field.name, 'title']}
                        rules={[{ ...required(m('evidenceTitle')), whitespace: true }]}
                        style={{ marginBottom: 8 }}
                      >
                        <Input placeholder={m('evidenceTitle')} maxLength={200} style={{ width: 240 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'periodicity']} style={{ marginBottom: 8 }}>
                        <Select
                          style={{ width: 110 }}
                          options={PERIODICITIES.map((p) => ({ value: p, label: l(PERIODICITY_LABELS[p]) }))}
                        />
                      </Form.Item>
                      <MinusCircleOutlined
                        onClick={() => remove(field.name)}
                        aria-label={t('common.delete')}
                      />
                    </Space>
                  ))}
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ title: '', periodicity: 'monthly' })}
                  >
                    {m('addEvidence')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="unitIds" label={m('units')}>
            <UnitMultiSelect known={known} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}

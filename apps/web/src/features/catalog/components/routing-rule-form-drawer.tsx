import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CreateRoutingRule,
  OWNER_LABELS,
  OWNERS,
  type Owner,
  type RoutingRule,
  STAGE_LIMIT_KEYS,
  STAGE_LIMIT_LABELS,
  type StageLimitKey,
} from '@chuangcheng/contracts';
import { App, Col, Divider, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useRef, useState } from 'react';
import { FormDrawer } from '../../../components/form-drawer';
import { BlockSelect, UnitMultiSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateRoutingRule } from '../api/create-routing-rule';
import { useUpdateRoutingRule } from '../api/update-routing-rule';
import { CategoryTreeSelect } from './category-tree-select';
import { sourceLabel } from './rule-summary';
import { TimeLimitInput, type TimeLimitValue, toTimeLimit } from './time-limit-input';

/** null: closed; 'new': create; a rule: edit it. */
export type RoutingRuleFormMode = RoutingRule | 'new' | null;

interface FormValues {
  priority: number;
  name: string;
  enabled: boolean;
  categoryIds: string[];
  regionId: string | null;
  blockId: string | null;
  sources: string[];
  owners: Owner[];
  leadUnitId: string;
  coUnitIds: string[];
  limits: Partial<Record<StageLimitKey, TimeLimitValue>>;
}

const FIELDS = [
  'priority',
  'name',
  'enabled',
  'categoryIds',
  'regionId',
  'blockId',
  'sources',
  'owners',
  'leadUnitId',
  'coUnitIds',
  'limits',
] as const;

function initialValues(rule: RoutingRule | 'new', nextPriority: number): Partial<FormValues> {
  if (rule === 'new') {
    return { priority: nextPriority, enabled: true, categoryIds: [], sources: [], owners: [], coUnitIds: [] };
  }
  return {
    priority: rule.priority,
    name: rule.name,
    enabled: rule.enabled,
    categoryIds: rule.categories.map((c) => c.id),
    regionId: rule.region?.id ?? null,
    blockId: rule.block?.id ?? null,
    sources: rule.sources,
    owners: rule.owners,
    leadUnitId: rule.leadUnit.id,
    coUnitIds: rule.coUnits.map((u) => u.id),
    limits: rule.limits,
  };
}

function toBody(values: FormValues): CreateRoutingRule {
  const limits: CreateRoutingRule['limits'] = {};
  for (const key of STAGE_LIMIT_KEYS) {
    const limit = toTimeLimit(values.limits?.[key]);
    if (limit) limits[key] = limit;
  }
  return {
    priority: values.priority,
    name: values.name.trim(),
    enabled: values.enabled,
    categoryIds: values.categoryIds ?? [],
    regionId: values.regionId ?? null,
    blockId: values.blockId ?? null,
    sources: values.sources ?? [],
    owners: values.owners ?? [],
    leadUnitId: values.leadUnitId,
    coUnitIds: values.coUnitIds ?? [],
    limits,
  };
}

/**
 * Create or edit a routing rule: what it matches, where it sends the case, with which limits.
 * Give it a new `key` per opening: the form instance (and so its values) belongs to one opening.
 */
export function RoutingRuleFormDrawer({
  mode,
  nextPriority,
  onClose,
}: {
  mode: RoutingRuleFormMode;
  nextPriority: number;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateRoutingRule();
  const update = useUpdateRoutingRule();
  const [formError, setFormError] = useState<string | null>(null);
  const lastMode = useRef(mode);
  if (mode) lastMode.current = mode;
  const shown = mode ?? lastMode.current;
  const rule = shown && shown !== 'new' ? shown : null;

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    if (!mode) return;
    // Invalid fields show their own messages; nothing more to do here.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const body = toBody(values);
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    const onSuccess = () => {
      message.success(mode === 'new' ? t('common.created') : t('common.saved'));
      close();
    };
    if (mode === 'new') create.mutate(body, { onSuccess, onError });
    else update.mutate({ id: mode.id, body }, { onSuccess, onError });
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const full = { width: '100%' };

  return (
    <FormDrawer
      open={mode !== null}
      title={rule ? t('routing.editTitle') : t('routing.createTitle')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
      width={640}
    >
      {shown && (
        <Form
          form={form}
          layout="vertical"
          initialValues={initialValues(shown, nextPriority)}
          data-testid="routing-rule-form"
        >
          <Row gutter={12}>
            <Col xs={24} sm={8}>
              <Form.Item
                name="priority"
                label={t('routing.priority')}
                tooltip={t('routing.priorityHint')}
                rules={[required(t('routing.priority'))]}
              >
                <InputNumber<number> min={1} max={100000} precision={0} style={full} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={16}>
              <Form.Item
                name="name"
                label={t('routing.name')}
                rules={[{ ...required(t('routing.name')), whitespace: true }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="enabled" label={t('routing.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>

          <Divider titlePlacement="start">{t('routing.matchSection')}</Divider>
          <Form.Item name="categoryIds" label={t('routing.categories')}>
            <CategoryTreeSelect<string[]>
              multiple
              known={rule?.categories}
              placeholder={t('catalog.any')}
              style={full}
            />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="regionId" label={t('routing.region')}>
                <RegionTreeSelect placeholder={t('catalog.any')} style={full} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="blockId" label={t('routing.block')}>
                <BlockSelect known={[rule?.block]} placeholder={t('catalog.any')} style={full} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="sources" label={t('routing.sources')}>
            <Select<string[]>
              mode="multiple"
              allowClear
              placeholder={t('catalog.any')}
              options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))}
              labelRender={({ value }) => sourceLabel(String(value), l)}
            />
          </Form.Item>
          <Form.Item name="owners" label={t('routing.owners')}>
            <Select<Owner[]>
              mode="multiple"
              allowClear
              placeholder={t('catalog.any')}
              options={OWNERS.map((o) => ({ value: o, label: l(OWNER_LABELS[o]) }))}
            />
          </Form.Item>

          <Divider titlePlacement="start">{t('routing.resultSection')}</Divider>
          <Form.Item
            name="leadUnitId"
            label={t('routing.leadUnit')}
            rules={[required(t('routing.leadUnit'))]}
          >
            <UnitSelect known={[rule?.leadUnit]} style={full} />
          </Form.Item>
          <Form.Item name="coUnitIds" label={t('routing.coUnits')}>
            <UnitMultiSelect known={rule?.coUnits} style={full} />
          </Form.Item>

          <Divider titlePlacement="start">{t('routing.limits')}</Divider>
          <Typography.Paragraph type="secondary">{t('routing.limitsHint')}</Typography.Paragraph>
          <Row gutter={12}>
            {STAGE_LIMIT_KEYS.map((key) => (
              <Col xs={24} sm={12} key={key}>
                <Form.Item name={['limits', key]} label={l(STAGE_LIMIT_LABELS[key])}>
                  <TimeLimitInput />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </Form>
      )}
    </FormDrawer>
  );
}

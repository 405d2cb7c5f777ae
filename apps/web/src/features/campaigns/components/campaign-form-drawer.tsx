import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_PHASE_LABELS,
  CAMPAIGN_PHASES,
  CAMPAIGN_TYPE_LABELS,
  CAMPAIGN_TYPES,
  type Campaign,
  type CreateCampaign,
  MILESTONE_KIND_LABELS,
  MILESTONE_KINDS,
} from '@chuangcheng/contracts';
import { App, Button, Col, Divider, Form, Input, InputNumber, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormDrawer } from '../../../components/form-drawer';
import { RegionTreeSelect } from '../../../components/pickers/region-tree-select';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateCampaign } from '../api/create-campaign';
import { useStandardOptions } from '../api/list-standard-options';
import { useUpdateCampaign } from '../api/update-campaign';
import { useMessages } from '../messages';

const FIELDS = [
  'name',
  'type',
  'regionId',
  'standardId',
  'passScore',
  'basicScore',
  'startsOn',
  'endsOn',
  'phases',
  'milestones',
] as const;

type Values = CreateCampaign;

/** A native date input: a phone shows its own date wheel, the value stays YYYY-MM-DD. */
function DateInput(props: {
  value?: string;
  onChange?: (v: string) => void;
  id?: string;
  style?: React.CSSProperties;
}) {
  return (
    <Input
      type="date"
      id={props.id}
      value={props.value}
      onChange={(e) => props.onChange?.(e.target.value)}
      style={props.style}
    />
  );
}

/** 新建活动 (campaign = null) or edit one: standard, region, thresholds, dates, phases and milestones. */
export function CampaignFormDrawer({
  open,
  campaign,
  onClose,
}: {
  open: boolean;
  campaign: Campaign | null;
  onClose: () => void;
}) {
  const { t, l, locale } = useI18n();
  const m = useMessages();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const standards = useStandardOptions(open && !campaign);
  const [formError, setFormError] = useState<string | null>(null);
  const standardId = Form.useWatch('standardId', form);
  const chosen = standards.data?.items.find((s) => s.id === standardId);

  const close = () => {
    setFormError(null);
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields();
    const body: CreateCampaign = {
      ...v,
      name: v.name.trim(),
      phases: v.phases ?? [],
      milestones: (v.milestones ?? []).map((ms) => ({
        ...ms,
        title: ms.title.trim(),
        kind: ms.kind ?? 'other',
      })),
    };
    if (body.passScore === null) delete body.passScore;
    if (body.basicScore === null) delete body.basicScore;
    setFormError(null);
    const onError = (error: unknown) => {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error, locale));
    };
    if (campaign) {
      const { standardId: _standardId, ...patch } = body;
      update.mutate(
        { id: campaign.id, body: patch },
        {
          onSuccess: () => {
            message.success(t('common.saved'));
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          message.success(t('common.created'));
          close();
          navigate(`/campaigns/${created.id}`);
        },
        onError,
      });
    }
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  const endAfterStart = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, end: string | undefined) => {
      const start = getFieldValue('startsOn') as string | undefined;
      return !start || !end || end >= start ? Promise.resolve() : Promise.reject(new Error(m('dateOrder')));
    },
  });

  return (
    <FormDrawer
      open={open}
      title={campaign ? m('edit') : m('create')}
      onClose={close}
      onSubmit={submit}
      submitting={create.isPending || update.isPending}
      error={formError}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={campaign ? campaign : { type: 'sanitary', phases: [], milestones: [] }}
        data-testid="campaign-form"
      >
        <Form.Item
          name="name"
          label={t('common.name')}
          rules={[{ ...required(t('common.name')), whitespace: true }]}
        >
          <Input maxLength={100} placeholder="2026年创建国家卫生城市" />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={16}>
            {campaign ? (
              <Form.Item label={m('standard')}>
                <Input value={campaign.standardName} disabled />
              </Form.Item>
            ) : (
              <Form.Item name="standardId" label={m('standard')} rules={[required(m('standard'))]}>
                <Select
                  loading={standards.isFetching}
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('common.select')}
                  options={standards.data?.items.map((s) => ({
                    value: s.id,
                    label: `${s.name}${s.sample ? `（${m('sample')}）` : ''}`,
                  }))}
                  onChange={(id: string) => {
                    const s = standards.data?.items.find((x) => x.id === id);
                    if (s)
                      form.setFieldsValue({ type: s.type, passScore: s.passScore, basicScore: s.basicScore });
                  }}
                  data-testid="campaign-standard"
                />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} sm={8}>
            <Form.Item name="type" label={m('type')} rules={[required(m('type'))]}>
              <Select
                options={CAMPAIGN_TYPES.map((k) => ({ value: k, label: l(CAMPAIGN_TYPE_LABELS[k]) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="regionId" label={m('region')} rules={[required(m('region'))]}>
              <RegionTreeSelect style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="passScore"
              label={m('passScore')}
              extra={chosen ? m('passDefault', { n: chosen.passScore }) : undefined}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="basicScore"
              label={m('basicScore')}
              extra={chosen ? m('passDefault', { n: chosen.basicScore }) : undefined}
            >
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="startsOn" label={m('startsOn')} rules={[required(m('startsOn'))]}>
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="endsOn"
              label={m('endsOn')}
              dependencies={['startsOn']}
              rules={[required(m('endsOn')), endAfterStart]}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {m('phases')}
        </Divider>
        <Form.List name="phases">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[field.name, 'phase']}
                    rules={[required(m('phase'))]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      style={{ width: 96 }}
                      options={CAMPAIGN_PHASES.map((p) => ({ value: p, label: l(CAMPAIGN_PHASE_LABELS[p]) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'startsOn']}
                    rules={[required(m('startsOn'))]}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: 150 }} />
                  </Form.Item>
                  <span>~</span>
                  <Form.Item
                    name={[field.name, 'endsOn']}
                    rules={[required(m('endsOn'))]}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: 150 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => {
                  const used = new Set(
                    (form.getFieldValue('phases') ?? []).map((p: { phase: string }) => p?.phase),
                  );
                  add({ phase: CAMPAIGN_PHASES.find((p) => !used.has(p)) ?? 'attack' });
                }}
                data-testid="add-phase"
              >
                {m('addPhase')}
              </Button>
            </>
          )}
        </Form.List>
        <Divider titlePlacement="start" plain>
          {m('milestones')}
        </Divider>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap style={{ display: 'flex', marginBottom: 4 }}>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[{ ...required(m('milestoneTitle')), whitespace: true }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input placeholder={m('milestoneTitle')} maxLength={100} style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'date']}
                    rules={[required(m('milestoneDate'))]}
                    style={{ marginBottom: 8 }}
                  >
                    <DateInput style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} style={{ marginBottom: 8 }}>
                    <Select
                      style={{ width: 120 }}
                      options={MILESTONE_KINDS.map((k) => ({ value: k, label: l(MILESTONE_KIND_LABELS[k]) }))}
                    />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('common.delete')} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', kind: 'other' })}
                data-testid="add-milestone"
              >
                {m('addMilestone')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}

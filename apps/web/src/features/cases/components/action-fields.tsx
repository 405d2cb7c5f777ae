import {
  ACCOUNTABILITY_FIELD_LABELS,
  type AllowedAction,
  type CaseDetail,
  PHOTO_FLAG_LABELS,
} from '@chuangcheng/contracts';
import { Alert, DatePicker, Form, Input } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { AccountabilityFields, type AccountabilityFormValues } from '../../../components/accountability';
import { UnitMultiSelect, UnitSelect } from '../../../components/pickers/entity-pickers';
import { useI18n } from '../../../lib/i18n';
import { fetchSupervisionDefaults } from '../api/supervision-defaults';
import { CategoryTreeSelect, ConditionSelect } from './category-select';
import { PhotoUploader } from './photo-uploader';

/** What the action form holds; `deadline` is the date picker's value (a Dayjs). */
export interface ActionFormValues {
  reason?: string;
  note?: string;
  photoIds?: string[];
  unitId?: string | null;
  coUnitIds?: string[];
  deadline?: { toISOString(): string; valueOf(): number } | null;
  categoryId?: string | null;
  conditionId?: string | null;
  /** 问责: the register's 情形, 方式, person and date. */
  accountability?: AccountabilityFormValues;
}

export const ACTION_FIELDS = [
  'reason',
  'note',
  'photoIds',
  'unitId',
  'coUnitIds',
  'deadline',
  'categoryId',
  'conditionId',
] as const;

/** Field-shaped refusals of the workflow, shown next to the field they concern. */
export const ACTION_CODE_FIELDS: Record<string, string> = {
  CASE_REASON_REQUIRED: 'reason',
  CASE_AFTER_PHOTO_REQUIRED: 'photoIds',
  CASE_DEADLINE_REQUIRED: 'deadline',
  SUPERVISION_DEADLINE_PAST: 'deadline',
  CASE_UNIT_REQUIRED: 'unitId',
  CATEGORY_NOT_FILEABLE: 'categoryId',
  CATEGORY_NOT_FOUND: 'categoryId',
  CONDITION_NOT_FOUND: 'conditionId',
};

/** Verdicts that pass the rectification: over flagged after-photos the server asks for a reason. */
const PASSING = new Set(['verify_pass', 'confirm_self_handled']);

/** Why a passing verdict asks for a reason: the after-photos' 疑似不实 flags, with their details. */
function FlaggedPhotosNotice({ detail }: { detail: CaseDetail }) {
  const { t, locale } = useI18n();
  const flags = detail.photos
    .filter((p) => p.kind === 'after')
    .flatMap((p) => p.flags.map((f) => `${PHOTO_FLAG_LABELS[f.code][locale]}（${f.detail}）`));
  if (flags.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('cases.flaggedPass')}
      description={[...new Set(flags)].join('；')}
      data-testid="flagged-pass"
    />
  );
}

/** Starting values: a dispatch proposes the routed unit, a re-classification the current class. */
export function initialActionValues(detail: CaseDetail, action: AllowedAction): ActionFormValues {
  const { needs } = action;
  return {
    unitId: needs.unit ? (detail.leadUnit?.id ?? null) : undefined,
    coUnitIds: needs.unit && action.action === 'dispatch' ? detail.coUnits.map((u) => u.id) : undefined,
    categoryId: needs.category ? detail.category.id : undefined,
    conditionId: needs.category ? (detail.condition?.id ?? null) : undefined,
  };
}

/** Exactly the inputs `action.needs` asks for, nothing else. */
export function ActionFields({
  detail,
  action,
  onBusyChange,
}: {
  detail: CaseDetail;
  action: AllowedAction;
  onBusyChange: (busy: boolean) => void;
}) {
  const { t, l } = useI18n();
  const form = Form.useFormInstance<ActionFormValues>();
  const categoryId = Form.useWatch('categoryId', form);
  const { needs } = action;
  const supervising = action.action === 'supervise' || action.action === 'supervise_listed';
  // A 督办单 has its own 限期 (any future time); the form proposes the configured working days.
  useEffect(() => {
    if (!supervising) return;
    let live = true;
    fetchSupervisionDefaults()
      .then((d) => {
        if (live && !form.getFieldValue('deadline')) form.setFieldValue('deadline', dayjs(d.deadline));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [supervising, form]);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <>
      {needs.category && (
        <>
          <Form.Item name="categoryId" label={t('cases.category')} rules={[required(t('cases.category'))]}>
            <CategoryTreeSelect
              allowClear={false}
              style={{ width: '100%' }}
              onChange={() => form.setFieldsValue({ conditionId: null })}
            />
          </Form.Item>
          <Form.Item name="conditionId" label={t('cases.condition')}>
            <ConditionSelect categoryId={categoryId} />
          </Form.Item>
        </>
      )}
      {needs.unit && (
        <Form.Item
          name="unitId"
          label={
            action.action === 'record_accountability'
              ? l(ACCOUNTABILITY_FIELD_LABELS.unitId)
              : t('cases.leadUnit')
          }
          rules={[required(t('cases.leadUnit'))]}
          // The routing rule's proposal and its reason, so a re-dispatch is a conscious choice.
          extra={action.action === 'dispatch' ? detail.route?.text : undefined}
        >
          <UnitSelect known={[detail.leadUnit]} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {action.action === 'record_accountability' && <AccountabilityFields name={['accountability']} />}
      {needs.unit && action.action === 'dispatch' && (
        <Form.Item name="coUnitIds" label={t('cases.coUnits')}>
          <UnitMultiSelect known={detail.coUnits} style={{ width: '100%' }} />
        </Form.Item>
      )}
      {needs.deadline && (
        <Form.Item
          name="deadline"
          label={
            action.action === 'request_extension'
              ? t('cases.extendTo')
              : supervising
                ? t('supervision.deadline')
                : t('cases.deadline')
          }
          extra={supervising ? t('supervision.deadlineHint') : undefined}
          rules={[required(t('cases.deadline'))]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.endOf('day').valueOf() < Date.now()}
            style={{ width: '100%' }}
            inputReadOnly
          />
        </Form.Item>
      )}
      {needs.afterPhotos && (
        <Form.Item
          name="photoIds"
          label={t('cases.afterPhotos')}
          rules={[
            {
              validator: (_, ids: string[] | undefined) =>
                ids && ids.length > 0
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('cases.afterPhotoRequired'))),
            },
          ]}
        >
          <PhotoUploader kind="after" onBusyChange={onBusyChange} />
        </Form.Item>
      )}
      {needs.reason && PASSING.has(action.action) && <FlaggedPhotosNotice detail={detail} />}
      {needs.reason && (
        <Form.Item
          name="reason"
          label={t('cases.reason')}
          rules={[{ ...required(t('cases.reason')), whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('cases.reasonPlaceholder')} />
        </Form.Item>
      )}
      {needs.note && (
        <Form.Item name="note" label={t('cases.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}
    </>
  );
}

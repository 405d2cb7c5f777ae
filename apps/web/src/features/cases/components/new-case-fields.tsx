import {
  CASE_PRIORITIES,
  CASE_PRIORITY_LABELS,
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CasePriority,
  type CaseSource,
  OWNER_LABELS,
  OWNERS,
  type Owner,
  SOURCE_DEFAULT_PRIORITY,
} from '@chuangcheng/contracts';
import { Checkbox, Form, Input, Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useFileableCategories } from '../api/list-categories';
import { timeLimitText } from './case-format';
import { CategoryTreeSelect, ConditionSelect, useCategory } from './category-select';
import type { LngLat } from './location-picker';
import { PhotoUploader } from './photo-uploader';

export interface NewCaseValues {
  source: CaseSource;
  priority: CasePriority;
  /** 媒体曝光: the article link or video reference (required for that source). */
  mediaRef?: string;
  categoryId?: string | null;
  conditionId?: string | null;
  description: string;
  address?: string;
  owner: Owner;
  reporterName?: string;
  reporterPhone?: string;
  photoIds?: string[];
  location?: LngLat | null;
  selfHandled?: boolean;
  afterPhotoIds?: string[];
  fileNow?: boolean;
}

const TEXT = {
  priority: { zh: '优先级', en: 'Priority' },
  priorityHint: {
    zh: '默认随来源（媒体曝光、上级交办为紧急，热线、领导交办为优先），可改',
    en: 'Follows the source by default (media and upper level urgent, hotline and leader high)',
  },
  mediaRef: { zh: '媒体链接/视频编号', en: 'Media link / video reference' },
  mediaRefPlaceholder: {
    zh: '报道链接（http…）或视频、节目编号',
    en: 'Article link (http…) or video / programme reference',
  },
  caller: { zh: '来电人（选填）', en: 'Caller (optional)' },
  callerPhone: { zh: '来电号码（选填）', en: 'Caller number (optional)' },
} as const;

/** Same rule as the contract (mobile, or landline with area code). */
const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/**
 * 问题: source (its priority follows until the user picks one; 媒体曝光 asks for the link), class and
 * filing condition (with its time limit and closing condition), description.
 */
export function ProblemFields() {
  const { t, l } = useI18n();
  const form = Form.useFormInstance<NewCaseValues>();
  const source = Form.useWatch('source', form);
  const categoryId = Form.useWatch('categoryId', form);
  const conditionId = Form.useWatch('conditionId', form);
  const tree = useFileableCategories();
  const category = useCategory(categoryId);
  const condition = category?.conditions.find((c) => c.id === conditionId);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      <Form.Item name="source" label={t('cases.source')} rules={[required(t('cases.source'))]}>
        <Select
          options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))}
          onChange={(s: CaseSource) => {
            if (!form.isFieldTouched('priority')) form.setFieldValue('priority', SOURCE_DEFAULT_PRIORITY[s]);
          }}
        />
      </Form.Item>
      <Form.Item name="priority" label={l(TEXT.priority)} extra={l(TEXT.priorityHint)}>
        <Select
          options={CASE_PRIORITIES.map((p) => ({ value: p, label: l(CASE_PRIORITY_LABELS[p]) }))}
          data-testid="case-priority-select"
        />
      </Form.Item>
      {source === 'media' && (
        <Form.Item
          name="mediaRef"
          label={l(TEXT.mediaRef)}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: l(TEXT.mediaRef) }) },
          ]}
        >
          <Input maxLength={500} placeholder={l(TEXT.mediaRefPlaceholder)} data-testid="case-media-ref" />
        </Form.Item>
      )}
      <Form.Item
        name="categoryId"
        label={t('cases.category')}
        rules={[required(t('cases.category'))]}
        extra={
          category
            ? `${category.path}${category.departmentName ? ` · ${category.departmentName}` : ''}`
            : null
        }
      >
        <CategoryTreeSelect
          style={{ width: '100%' }}
          onChange={(id) => {
            // One condition only (the usual case): take it, so the time limit shows at once.
            const conditions = id ? tree.data?.byId.get(id)?.conditions : undefined;
            form.setFieldsValue({ conditionId: conditions?.length === 1 ? conditions[0]?.id : null });
          }}
        />
      </Form.Item>
      <Form.Item
        name="conditionId"
        label={t('cases.condition')}
        extra={
          condition
            ? `${t('cases.timeLimit')}：${timeLimitText(condition.timeLimit, l)}；${t('cases.closingCondition')}：${condition.closingCondition}`
            : null
        }
      >
        <ConditionSelect categoryId={categoryId} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('cases.description')}
        rules={[
          required(t('cases.description')),
          { min: 2, whitespace: true, message: t('cases.new.descriptionShort') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-description" />
      </Form.Item>
    </>
  );
}

/** 地点与上报人: address, 产权, the optional reporter (for a hotline call, the caller). */
export function PlaceFields() {
  const { t, l } = useI18n();
  const form = Form.useFormInstance<NewCaseValues>();
  const hotline = Form.useWatch('source', form) === 'hotline';
  return (
    <>
      <Form.Item name="address" label={t('cases.address')}>
        <Input maxLength={200} data-testid="case-address" />
      </Form.Item>
      <Form.Item name="owner" label={t('cases.owner')}>
        <Select options={OWNERS.map((o) => ({ value: o, label: l(OWNER_LABELS[o]) }))} />
      </Form.Item>
      <Form.Item name="reporterName" label={hotline ? l(TEXT.caller) : t('cases.new.reporterName')}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="reporterPhone"
        label={hotline ? l(TEXT.callerPhone) : t('cases.new.reporterPhone')}
        rules={[{ pattern: PHONE, message: t('cases.new.badPhone') }]}
      >
        <Input maxLength={20} inputMode="tel" autoComplete="off" />
      </Form.Item>
    </>
  );
}

/** 照片与办理方式: before photos; 自处理 (then after photos too); for the office 立即立案派遣. */
export function HandlingFields({
  canFileNow,
  onBusyChange,
}: {
  canFileNow: boolean;
  onBusyChange: (kind: 'before' | 'after', busy: boolean) => void;
}) {
  const { t } = useI18n();
  const form = Form.useFormInstance<NewCaseValues>();
  const selfHandled = Form.useWatch('selfHandled', form);
  const fileNow = Form.useWatch('fileNow', form);
  const atLeastOne = (message: string) => ({
    validator: (_: unknown, ids: string[] | undefined) =>
      ids && ids.length > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
  });
  return (
    <>
      <Form.Item
        name="photoIds"
        label={t('cases.beforePhotos')}
        rules={selfHandled ? [atLeastOne(t('cases.new.beforePhotoRequired'))] : []}
      >
        <PhotoUploader kind="before" onBusyChange={(busy) => onBusyChange('before', busy)} />
      </Form.Item>
      <Form.Item name="selfHandled" valuePropName="checked" extra={t('cases.new.selfHandledHint')}>
        <Checkbox disabled={Boolean(fileNow)} data-testid="self-handled">
          {t('cases.new.selfHandled')}
        </Checkbox>
      </Form.Item>
      {selfHandled && (
        <Form.Item
          name="afterPhotoIds"
          label={t('cases.afterPhotos')}
          rules={[atLeastOne(t('cases.afterPhotoRequired'))]}
        >
          <PhotoUploader kind="after" onBusyChange={(busy) => onBusyChange('after', busy)} />
        </Form.Item>
      )}
      {canFileNow && (
        <Form.Item name="fileNow" valuePropName="checked" extra={t('cases.new.fileNowHint')}>
          <Checkbox disabled={Boolean(selfHandled)} data-testid="file-now">
            {t('cases.new.fileNow')}
          </Checkbox>
        </Form.Item>
      )}
    </>
  );
}

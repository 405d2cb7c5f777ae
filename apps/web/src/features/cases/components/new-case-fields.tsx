import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  OWNER_LABELS,
  OWNERS,
  type Owner,
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

/** Same rule as the contract (mobile, or landline with area code). */
const PHONE = /^1[3-9][0-9]{9}$|^0[0-9]{2,3}-?[0-9]{7,8}$/;

/** 问题: source, class and filing condition (with its time limit and closing condition), description. */
export function ProblemFields() {
  const { t, l } = useI18n();
  const form = Form.useFormInstance<NewCaseValues>();
  const categoryId = Form.useWatch('categoryId', form);
  const conditionId = Form.useWatch('conditionId', form);
  const tree = useFileableCategories();
  const category = useCategory(categoryId);
  const condition = category?.conditions.find((c) => c.id === conditionId);
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <>
      <Form.Item name="source" label={t('cases.source')} rules={[required(t('cases.source'))]}>
        <Select options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))} />
      </Form.Item>
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

/** 地点与上报人: address, 产权, the optional reporter. */
export function PlaceFields() {
  const { t, l } = useI18n();
  return (
    <>
      <Form.Item name="address" label={t('cases.address')}>
        <Input maxLength={200} data-testid="case-address" />
      </Form.Item>
      <Form.Item name="owner" label={t('cases.owner')}>
        <Select options={OWNERS.map((o) => ({ value: o, label: l(OWNER_LABELS[o]) }))} />
      </Form.Item>
      <Form.Item name="reporterName" label={t('cases.new.reporterName')}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="reporterPhone"
        label={t('cases.new.reporterPhone')}
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

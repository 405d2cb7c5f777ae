import { type CreateCase, SOURCE_DEFAULT_PRIORITY } from '@chuangcheng/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, Row } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useCreateCase } from '../api/create-case';
import { defaultSource } from './case-access';
import { DuplicateAlert } from './duplicate-alert';
import { LocationPicker } from './location-picker';
import { HandlingFields, type NewCaseValues, PlaceFields, ProblemFields } from './new-case-fields';
import './cases.css';

const FIELDS = [
  'source',
  'priority',
  'mediaRef',
  'categoryId',
  'conditionId',
  'description',
  'address',
  'owner',
  'reporterName',
  'reporterPhone',
  'photoIds',
  'afterPhotoIds',
  'location',
] as const;

const CODE_FIELDS: Record<string, string> = {
  CATEGORY_NOT_FOUND: 'categoryId',
  CATEGORY_NOT_FILEABLE: 'categoryId',
  CONDITION_NOT_FOUND: 'conditionId',
  CASE_BEFORE_PHOTO_REQUIRED: 'photoIds',
  CASE_AFTER_PHOTO_REQUIRED: 'afterPhotoIds',
};

/** A key for the submission: randomUUID needs a secure context, intranet deployments often serve plain HTTP. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const trimmed = (v: string | undefined) => v?.trim() || undefined;

function toCreateCase(v: NewCaseValues, key: string): CreateCase {
  const [lng, lat] = v.location ?? [0, 0];
  return {
    source: v.source,
    priority: v.priority,
    mediaRef: v.source === 'media' ? trimmed(v.mediaRef) : undefined,
    categoryId: v.categoryId ?? '',
    conditionId: v.conditionId ?? undefined,
    description: v.description.trim(),
    address: trimmed(v.address),
    lng,
    lat,
    owner: v.owner,
    reporterName: trimmed(v.reporterName),
    reporterPhone: trimmed(v.reporterPhone),
    photoIds: v.photoIds ?? [],
    selfHandled: Boolean(v.selfHandled),
    afterPhotoIds: v.selfHandled ? (v.afterPhotoIds ?? []) : [],
    fileNow: Boolean(v.fileNow) && !v.selfHandled,
    idempotencyKey: key,
  };
}

/** 登记案件: what, where (a pin, located to its grid), photos, and how it is handled. */
export default function CaseNewPage() {
  const me = useMe();
  const source = defaultSource(me.role);
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewCaseValues>();
  const create = useCreateCase();
  // One key per form: a retry after a lost answer creates the case once.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState({ before: false, after: false });
  const [formError, setFormError] = useState<string | null>(null);
  const uploading = busy.before || busy.after;

  const submit = async () => {
    // Invalid fields are already marked on the form; nothing else to report.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setFormError(null);
    create.mutate(toCreateCase(values, idempotencyKey), {
      onSuccess: (detail) => {
        message.success(t('cases.new.created', { number: detail.number }));
        navigate(`/cases/${detail.id}`, { replace: true });
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error, FIELDS, CODE_FIELDS)) setFormError(errorMessage(error, locale));
      },
    });
  };

  return (
    <>
      <PageHeader />
      {formError && (
        <Alert
          type="error"
          showIcon
          title={formError}
          style={{ marginBottom: 16 }}
          data-testid="form-error"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={{
          source,
          priority: SOURCE_DEFAULT_PRIORITY[source],
          owner: 'public',
          photoIds: [],
          afterPhotoIds: [],
        }}
        scrollToFirstError
        data-testid="new-case-form"
      >
        <DuplicateAlert />
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('cases.new.problem')} className="cc-case-section">
              <ProblemFields />
            </Card>
            <Card size="small" title={t('cases.new.photosAndHandling')} className="cc-case-section">
              <HandlingFields
                canFileNow={me.role === 'office'}
                onBusyChange={(kind, b) => setBusy((prev) => ({ ...prev, [kind]: b }))}
              />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title={t('cases.location')} className="cc-case-section">
              <Form.Item
                name="location"
                rules={[{ required: true, message: t('cases.new.locationRequired') }]}
                style={{ marginBottom: 16 }}
              >
                <LocationPicker />
              </Form.Item>
              <PlaceFields />
            </Card>
          </Col>
        </Row>
        <Flex justify="flex-end" gap={8} className="cc-case-section">
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={submit}
            loading={create.isPending}
            disabled={uploading}
            data-testid="form-submit"
          >
            {uploading ? t('cases.photo.uploading') : t('cases.new.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}

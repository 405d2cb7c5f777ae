import type { CaseSource, Category } from '@chuangcheng/contracts';
import { Alert, App, Button, Input, Radio, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useFieldUser } from '../hooks/field-user';
import { usePosition } from '../hooks/use-position';
import { FL, fill } from '../labels';
import { enqueue, removeEntry } from '../outbox/outbox';
import type { OutboxEntry, OutboxPhoto } from '../outbox/outbox-types';
import { useOutbox } from '../outbox/use-outbox';
import { CategoryPicker } from './category-picker';
import { LocationField, type ReportLocation } from './location-field';
import { NearbyDuplicates } from './nearby-duplicates';
import { OutboxPanel } from './outbox-panel';
import { type LocalPhoto, PhotoCapture } from './photo-capture';
import './field.css';

/** The idempotency key of a report: made when the report is composed, kept through every retry. */
function newReportKey(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

interface Draft {
  key: string;
  before: LocalPhoto[];
  after: LocalPhoto[];
  category: Category | null;
  conditionId: string | null;
  description: string;
  address: string;
  location: ReportLocation | null;
  selfHandled: boolean;
}

const emptyDraft = (): Draft => ({
  key: newReportKey(),
  before: [],
  after: [],
  category: null,
  conditionId: null,
  description: '',
  address: '',
  location: null,
  selfHandled: false,
});

/** The report being made, kept while the page is left for another tab (module state, this tab only). */
const kept: { draft: Draft | null; ids: Map<string, string> } = { draft: null, ids: new Map() };

type Problem = 'photos' | 'category' | 'description' | 'location' | 'after';

function problemsOf(d: Draft): Problem[] {
  const problems: Problem[] = [];
  if (d.before.length === 0) problems.push('photos');
  if (!d.category) problems.push('category');
  if (d.description.trim().length < 2) problems.push('description');
  if (!d.location) problems.push('location');
  if (d.selfHandled && d.after.length === 0) problems.push('after');
  return problems;
}

const toStored = (p: LocalPhoto, uploadedId: string | null): OutboxPhoto => ({
  key: p.key,
  kind: p.kind,
  blob: p.blob,
  name: p.name,
  capturedAt: p.capturedAt,
  lng: p.lng,
  lat: p.lat,
  uploadedId,
});

/**
 * 上报, photo first: photos stamped with time and place, a class from the catalogue, a few words, the
 * point (from the photo, movable on the map), optionally 自处理 with after-photos. The report is written
 * to the phone's outbox before anything is sent, so no signal loses nothing.
 */
export default function ReportPage() {
  const { l } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useFieldUser();
  const { sendNow } = useOutbox();
  const position = usePosition();
  const [draft, setDraft] = useState<Draft>(() => kept.draft ?? emptyDraft());
  const [showProblems, setShowProblems] = useState(false);
  const [busy, setBusy] = useState<'saving' | 'sending' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Photos the server already took for this draft (a refused report keeps them for the next try).
  const uploaded = kept;

  // Switching to another tab and back keeps the half-made report (photos included).
  useEffect(() => {
    kept.draft = draft;
  }, [draft]);

  const update = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  // The point follows the first located photo, else the phone, until the worker moves the pin.
  const { fix } = position;
  const shot = draft.before.find((p) => p.lng !== null && p.lat !== null);
  const shotLng = shot?.lng ?? null;
  const shotLat = shot?.lat ?? null;
  useEffect(() => {
    setDraft((d) => {
      if (d.location?.source === 'pin') return d;
      if (shotLng !== null && shotLat !== null) {
        if (d.location?.source === 'photo' && d.location.lng === shotLng && d.location.lat === shotLat)
          return d;
        return { ...d, location: { lng: shotLng, lat: shotLat, source: 'photo' } };
      }
      if (fix) return { ...d, location: { lng: fix.lng, lat: fix.lat, source: 'device' } };
      return d;
    });
  }, [shotLng, shotLat, fix]);

  const problems = showProblems ? problemsOf(draft) : [];
  const has = (p: Problem) => problems.includes(p);

  const submit = async () => {
    const found = problemsOf(draft);
    if (found.length > 0) {
      setShowProblems(true);
      document
        .querySelector('.cc-field-invalid, .cc-field-select-invalid')
        ?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      return;
    }
    const { category, location } = draft;
    if (!category || !location) return;
    setRefusal(null);
    setBusy('saving');
    const photos = [...draft.before, ...(draft.selfHandled ? draft.after : [])];
    const entry: OutboxEntry = {
      id: draft.key,
      userId: user.id,
      createdAt: new Date().toISOString(),
      report: {
        source: (user.role === 'inspector' ? 'inspector' : 'grid_worker') satisfies CaseSource,
        categoryId: category.id,
        conditionId: draft.conditionId,
        categoryName: category.name,
        description: draft.description.trim(),
        address: draft.address.trim() || null,
        lng: location.lng,
        lat: location.lat,
        selfHandled: draft.selfHandled,
      },
      photos: photos.map((p) => toStored(p, uploaded.ids.get(p.key) ?? null)),
      status: 'pending',
      attempts: 0,
      retryAt: null,
      lastError: null,
    };
    try {
      await enqueue(entry);
    } catch (error) {
      setBusy(null);
      message.error(String(error));
      return;
    }
    const done = () => {
      for (const p of photos) URL.revokeObjectURL(p.url);
      uploaded.ids = new Map();
      kept.draft = null;
      setDraft(emptyDraft());
      setShowProblems(false);
      setBusy(null);
      // Back to the top: the 待发送 list and a fresh form.
      document.querySelector('.cc-field-main')?.scrollTo({ top: 0 });
    };
    if (!navigator.onLine) {
      message.info(l(FL.savedOffline));
      done();
      return;
    }
    setBusy('sending');
    const result = await sendNow(true, true);
    const sent = result.sent.find((s) => s.entryId === entry.id);
    if (sent) {
      done();
      navigate(`/field/cases/${sent.caseId}`);
      return;
    }
    const refused = result.failed.find((e) => e.id === entry.id);
    if (refused) {
      // Back into the form to be corrected; the photos that went up stay up.
      for (const p of refused.photos) if (p.uploadedId) uploaded.ids.set(p.key, p.uploadedId);
      await removeEntry(entry.id);
      setRefusal(fill(l(FL.reportRefused), { message: refused.lastError ?? '' }));
      setBusy(null);
      return;
    }
    message.info(l(FL.savedOffline));
    done();
  };

  const conditions = draft.category?.conditions ?? [];

  return (
    <div className="cc-field-page cc-field-report" data-testid="field-report">
      <OutboxPanel />
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="report-refused" />}

      <section className={has('photos') ? 'cc-field-card cc-field-invalid' : 'cc-field-card'}>
        <div className="cc-field-card-title">{l(FL.photos)}</div>
        <PhotoCapture
          kind="before"
          value={draft.before}
          onChange={(before) => update({ before })}
          fixNow={position.fixNow}
          testId="report-photos"
        />
        {has('photos') && <div className="cc-field-error">{l(FL.photoRequired)}</div>}
      </section>

      <section className="cc-field-card">
        <div className="cc-field-card-title">{l(FL.category)}</div>
        <CategoryPicker
          value={draft.category}
          invalid={has('category')}
          onChange={(category) =>
            update({
              category,
              conditionId: category.conditions.length === 1 ? (category.conditions[0]?.id ?? null) : null,
            })
          }
        />
        {has('category') && <div className="cc-field-error">{l(FL.categoryRequired)}</div>}
        {conditions.length > 1 && (
          <div className="cc-field-conditions">
            <div className="cc-muted">{l(FL.condition)}</div>
            <Radio.Group
              value={draft.conditionId}
              onChange={(e) => update({ conditionId: e.target.value as string })}
              options={conditions.map((c) => ({ value: c.id, label: c.text }))}
              vertical
            />
          </div>
        )}
        <div className="cc-field-card-title cc-field-gap">{l(FL.description)}</div>
        <Input.TextArea
          value={draft.description}
          onChange={(e) => update({ description: e.target.value })}
          placeholder={l(FL.describe)}
          autoSize={{ minRows: 2, maxRows: 5 }}
          maxLength={500}
          showCount
          status={has('description') ? 'error' : undefined}
          data-testid="report-description"
        />
        {has('description') && <div className="cc-field-error">{l(FL.descriptionRequired)}</div>}
      </section>

      <section className={has('location') ? 'cc-field-card cc-field-invalid' : 'cc-field-card'}>
        <div className="cc-field-card-title">{l(FL.location)}</div>
        <LocationField
          value={draft.location}
          onChange={(location) => update({ location })}
          fix={position.fix}
          positionState={position.state}
          invalid={has('location')}
        />
        <Input
          value={draft.address}
          onChange={(e) => update({ address: e.target.value })}
          placeholder={l(FL.addressPlaceholder)}
          maxLength={200}
          className="cc-field-gap"
          data-testid="report-address"
        />
        <NearbyDuplicates categoryId={draft.category?.id} point={draft.location} />
      </section>

      <section className={has('after') ? 'cc-field-card cc-field-invalid' : 'cc-field-card'}>
        <div className="cc-field-switch-row">
          <div>
            <div className="cc-field-card-title">{l(FL.selfHandled)}</div>
            <div className="cc-muted cc-field-hint">{l(FL.selfHandledHint)}</div>
          </div>
          <Switch
            checked={draft.selfHandled}
            onChange={(selfHandled) => update({ selfHandled })}
            data-testid="report-self-handled"
          />
        </div>
        {draft.selfHandled && (
          <>
            <div className="cc-field-card-title cc-field-gap">{l(FL.afterPhotos)}</div>
            <PhotoCapture
              kind="after"
              value={draft.after}
              onChange={(after) => update({ after })}
              fixNow={position.fixNow}
              testId="report-after-photos"
            />
            {has('after') && <div className="cc-field-error">{l(FL.afterPhotoRequired)}</div>}
          </>
        )}
      </section>

      <div className="cc-field-submit-bar">
        <Button
          type="primary"
          size="large"
          block
          loading={busy !== null}
          onClick={() => void submit()}
          className="cc-field-submit"
          data-testid="report-submit"
        >
          {busy === 'sending' ? l(FL.sending) : busy === 'saving' ? l(FL.saving) : l(FL.submit)}
        </Button>
      </div>
    </div>
  );
}

import {
  type GeojsonMapping,
  IMPORT_KIND_LABELS,
  IMPORT_KINDS,
  type ImportKind,
  type ImportResult,
} from '@chuangcheng/contracts';
import { Alert, Button, Card, Checkbox, Flex, Result, Steps } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useRunImport } from '../api/run-import';
import { CheckResult, type RunState } from './check-result';
import { KindStep } from './kind-step';
import { MappingStep, mappingComplete } from './mapping-step';
import { type GeojsonSummary, guessMapping, readGeojson } from './read-geojson';
import { UploadStep } from './upload-step';

type StepKey = 'kind' | 'upload' | 'mapping' | 'check' | 'done';

const LIST_PAGE: Record<ImportKind, string> = {
  units: '/units',
  people: '/people',
  grids: '/grids',
  'grids-geojson': '/grids',
};

function initialKind(value: string | null): ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value ?? '') ? (value as ImportKind) : 'units';
}

/**
 * 数据导入: kind → template + file → (GeoJSON: property mapping) → server dry run → confirm → result.
 * The server checks the whole file first; with any row error nothing is written.
 */
export function ImportWizard() {
  const { t, l, locale } = useI18n();
  const [params] = useSearchParams();
  const [kind, setKind] = useState<ImportKind>(() => initialKind(params.get('kind')));
  const [step, setStep] = useState<StepKey>(params.get('kind') ? 'upload' : 'kind');
  const [file, setFile] = useState<File | null>(null);
  const [summary, setSummary] = useState<GeojsonSummary | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Partial<GeojsonMapping>>({});
  const [dropSlivers, setDropSlivers] = useState(false);
  const [check, setCheck] = useState<RunState>({ status: 'idle' });
  const [commit, setCommit] = useState<RunState>({ status: 'idle' });
  const run = useRunImport();
  const geojson = kind === 'grids-geojson';

  const steps: StepKey[] = geojson
    ? ['kind', 'upload', 'mapping', 'check', 'done']
    : ['kind', 'upload', 'check', 'done'];
  const stepTitles: Record<StepKey, string> = {
    kind: t('imports.kind'),
    upload: t('imports.upload'),
    mapping: t('imports.mapping'),
    check: t('imports.check'),
    done: t('imports.done'),
  };

  const reset = (toStep: StepKey = 'upload') => {
    setFile(null);
    setSummary(null);
    setFileError(null);
    setMapping({});
    setDropSlivers(false);
    setCheck({ status: 'idle' });
    setCommit({ status: 'idle' });
    setStep(toStep);
  };

  const chooseFile = async (chosen: File | null) => {
    setFile(chosen);
    setSummary(null);
    setFileError(null);
    setCheck({ status: 'idle' });
    if (chosen && geojson) {
      const read = await readGeojson(chosen);
      if (!read) setFileError(t('imports.badGeojson'));
      else {
        setSummary(read);
        setMapping(guessMapping(read.properties));
      }
    }
  };

  const send = (dryRun: boolean, setState: (s: RunState) => void) => {
    if (!file) return;
    setState({ status: 'running', progress: 0 });
    run.mutate(
      {
        kind,
        file,
        dryRun,
        mapping: geojson && mappingComplete(mapping) ? mapping : undefined,
        dropSlivers: geojson && dropSlivers,
        onProgress: (progress) => setState({ status: 'running', progress }),
      },
      {
        onSuccess: (result: ImportResult) => setState({ status: 'done', result }),
        onError: (error) => setState({ status: 'failed', error }),
      },
    );
  };

  const startCheck = () => {
    setStep('check');
    setCommit({ status: 'idle' });
    send(true, setCheck);
  };

  const confirm = () => {
    send(false, (state) => {
      setCommit(state);
      if (state.status === 'done') setStep('done');
    });
  };

  const canCheck =
    Boolean(file) && !fileError && (!geojson || (summary !== null && mappingComplete(mapping)));

  return (
    <Card>
      <Steps
        current={steps.indexOf(step)}
        items={steps.map((key) => ({ key, title: stepTitles[key] }))}
        size="small"
        responsive
        style={{ marginBottom: 24 }}
      />

      {step === 'kind' && (
        <>
          <KindStep
            value={kind}
            onChange={(k) => {
              setKind(k);
              reset('kind');
            }}
          />
          <Flex justify="flex-end" style={{ marginTop: 24 }}>
            <Button type="primary" onClick={() => setStep('upload')} data-testid="wizard-next">
              {t('imports.next')}
            </Button>
          </Flex>
        </>
      )}

      {step === 'upload' && (
        <>
          <div className="cc-wizard-kind">
            {t('imports.kind')}：<b>{l(IMPORT_KIND_LABELS[kind])}</b>
          </div>
          <UploadStep kind={kind} file={file} onFile={chooseFile} />
          {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
          <Flex justify="space-between" style={{ marginTop: 24 }}>
            <Button onClick={() => setStep('kind')}>{t('imports.prev')}</Button>
            {geojson ? (
              <Button
                type="primary"
                disabled={!summary}
                onClick={() => setStep('mapping')}
                data-testid="wizard-next"
              >
                {t('imports.next')}
              </Button>
            ) : (
              <Button type="primary" disabled={!canCheck} onClick={startCheck} data-testid="wizard-check">
                {t('imports.validate')}
              </Button>
            )}
          </Flex>
        </>
      )}

      {step === 'mapping' && summary && (
        <>
          <MappingStep summary={summary} mapping={mapping} onChange={setMapping} />
          <Checkbox
            checked={dropSlivers}
            onChange={(e) => setDropSlivers(e.target.checked)}
            data-testid="drop-slivers"
          >
            {t('imports.dropSlivers')}
          </Checkbox>
          <div className="cc-muted" style={{ marginTop: 4 }}>
            {t('imports.dropSliversHint')}
          </div>
          <Flex justify="space-between" style={{ marginTop: 24 }}>
            <Button onClick={() => setStep('upload')}>{t('imports.prev')}</Button>
            <Button type="primary" disabled={!canCheck} onClick={startCheck} data-testid="wizard-check">
              {t('imports.validate')}
            </Button>
          </Flex>
        </>
      )}

      {step === 'check' && (
        <>
          <CheckResult state={check} busyText={t('imports.uploading')} />
          {commit.status !== 'idle' && (
            <div style={{ marginTop: 16 }}>
              <CheckResult
                state={commit.status === 'done' ? { status: 'idle' } : commit}
                busyText={t('imports.importing')}
              />
            </div>
          )}
          <Flex justify="space-between" gap={8} wrap style={{ marginTop: 24 }}>
            <Button
              onClick={() => reset('upload')}
              disabled={check.status === 'running' || commit.status === 'running'}
            >
              {t('imports.reupload')}
            </Button>
            {check.status === 'done' && (
              <Button
                type="primary"
                onClick={confirm}
                loading={commit.status === 'running'}
                disabled={commit.status === 'failed'}
                data-testid="wizard-confirm"
              >
                {t('imports.confirm')}
              </Button>
            )}
          </Flex>
        </>
      )}

      {step === 'done' && commit.status === 'done' && (
        <Result
          status="success"
          title={t('imports.success')}
          subTitle={t('imports.result', {
            created: commit.result.created,
            updated: commit.result.updated,
            total: commit.result.total,
          })}
          data-testid="import-done"
          extra={[
            <Button key="again" onClick={() => reset('kind')}>
              {t('imports.again')}
            </Button>,
            <Link key="open" to={LIST_PAGE[kind]}>
              <Button type="primary">{t('imports.open')}</Button>
            </Link>,
          ]}
        />
      )}
      {step === 'done' && commit.status === 'failed' && (
        <Alert type="error" showIcon title={errorMessage(commit.error, locale)} />
      )}
    </Card>
  );
}

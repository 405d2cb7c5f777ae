import type { GeojsonMapping } from '@chuangcheng/contracts';
import { Alert, Form, Select } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { GeojsonSummary } from './read-geojson';

type Field = keyof GeojsonMapping;

/** GeoJSON only: which feature property is the grid code, name, community code (block and lead unit optional). */
export function MappingStep({
  summary,
  mapping,
  onChange,
}: {
  summary: GeojsonSummary;
  mapping: Partial<GeojsonMapping>;
  onChange: (mapping: Partial<GeojsonMapping>) => void;
}) {
  const { t } = useI18n();
  const options = summary.properties.map((p) => ({
    value: p,
    label: (
      <span>
        {p}{' '}
        <span className="cc-muted">
          {summary.samples[p] ? `· ${t('imports.sample')}: ${summary.samples[p]}` : ''}
        </span>
      </span>
    ),
  }));
  const fields: { field: Field; label: string; required: boolean }[] = [
    { field: 'code', label: t('imports.mapCode'), required: true },
    { field: 'name', label: t('imports.mapName'), required: true },
    { field: 'community', label: t('imports.mapCommunity'), required: true },
    { field: 'block', label: t('imports.mapBlock'), required: false },
    { field: 'leadUnit', label: t('imports.mapLeadUnit'), required: false },
  ];
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('imports.mapHint', { n: summary.featureCount, props: summary.properties.join('、') || '—' })}
      />
      <Form layout="vertical" style={{ maxWidth: 520 }}>
        {fields.map(({ field, label, required }) => (
          <Form.Item
            key={field}
            label={label}
            required={required}
            validateStatus={required && !mapping[field] ? 'warning' : undefined}
          >
            <Select
              value={mapping[field]}
              allowClear={!required}
              options={options}
              placeholder={t('common.select')}
              onChange={(value: string | undefined) => onChange({ ...mapping, [field]: value })}
              data-testid={`mapping-${field}`}
            />
          </Form.Item>
        ))}
      </Form>
    </>
  );
}

export function mappingComplete(mapping: Partial<GeojsonMapping>): mapping is GeojsonMapping {
  return Boolean(mapping.code && mapping.name && mapping.community);
}

import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from '@chuangcheng/contracts';
import { Card, Col, Radio, Row, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';

const DESCRIPTIONS: Record<ImportKind, { zh: string; en: string }> = {
  units: {
    zh: '职能部门、街道、社区等单位（按编码新增或更新）',
    en: 'Departments, street offices, communities (by code)',
  },
  people: {
    zh: '网格员、联络员、包保领导等人员及其所在单位',
    en: 'Grid workers, liaisons, leaders and their units',
  },
  grids: {
    zh: '网格的名称、社区、责任区块、牵头单位等属性',
    en: 'Grid names, communities, blocks and lead units',
  },
  'grids-geojson': {
    zh: '网格边界（GeoJSON 面数据，含编码、名称、社区）',
    en: 'Grid boundaries (GeoJSON polygons)',
  },
};

/** Step 1: what to import. */
export function KindStep({ value, onChange }: { value: ImportKind; onChange: (kind: ImportKind) => void }) {
  const { l } = useI18n();
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(e.target.value as ImportKind)}
      style={{ width: '100%' }}
    >
      <Row gutter={[12, 12]}>
        {IMPORT_KINDS.map((kind) => (
          <Col key={kind} xs={24} md={12}>
            <Card
              size="small"
              hoverable
              className={value === kind ? 'cc-kind-card cc-kind-card-active' : 'cc-kind-card'}
              onClick={() => onChange(kind)}
              data-testid={`import-kind-${kind}`}
            >
              <Radio value={kind}>
                <Typography.Text strong>{l(IMPORT_KIND_LABELS[kind])}</Typography.Text>
              </Radio>
              <div className="cc-muted cc-kind-desc">{l(DESCRIPTIONS[kind])}</div>
            </Card>
          </Col>
        ))}
      </Row>
    </Radio.Group>
  );
}

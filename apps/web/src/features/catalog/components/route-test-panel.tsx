import { AimOutlined } from '@ant-design/icons';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  type CaseSource,
  OWNER_LABELS,
  OWNERS,
  type Owner,
} from '@chuangcheng/contracts';
import { Button, Card, Col, Form, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { type GridFeature, MapView } from '../../../components/map-view';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useGridsGeojson } from '../api/get-grids-geojson';
import { type RoutePreviewQuery, useRoutePreview } from '../api/preview-route';
import { CategoryTreeSelect } from './category-tree-select';
import { RoutePreviewResult } from './route-preview-result';

const GRID_COLOR = '#1f5fbf';
const colorOf = (_: GridFeature) => GRID_COLOR;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** 派遣测试: a category and a point (clicked or typed) → where the case would go and why. */
export function RouteTestPanel() {
  const { t, l } = useI18n();
  const isMobile = useIsMobile();
  const config = useConfig();
  const grids = useGridsGeojson();
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [source, setSource] = useState<CaseSource | undefined>();
  const [owner, setOwner] = useState<Owner | undefined>();
  const [lng, setLng] = useState<number | null>(null);
  const [lat, setLat] = useState<number | null>(null);
  // The point the preview runs on: set by a map click at once, by typed numbers on 测试.
  const [point, setPoint] = useState<[number, number] | null>(null);

  const query: RoutePreviewQuery | null =
    categoryId && point ? { categoryId, lng: point[0], lat: point[1], source, owner } : null;
  const preview = useRoutePreview(query);

  const pick = (x: number, y: number) => {
    setLng(round(x));
    setLat(round(y));
    setPoint([round(x), round(y)]);
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        <Card size="small" title={t('routing.test')}>
          <Typography.Paragraph type="secondary">{t('routing.testHint')}</Typography.Paragraph>
          <Form layout="vertical">
            <Form.Item label={t('routing.category')} required>
              <CategoryTreeSelect<string | null>
                value={categoryId}
                onChange={setCategoryId}
                style={{ width: '100%' }}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={12}>
                <Form.Item label={t('routing.source')}>
                  <Select<CaseSource>
                    allowClear
                    value={source}
                    onChange={setSource}
                    placeholder={t('catalog.any')}
                    options={CASE_SOURCES.map((s) => ({ value: s, label: l(CASE_SOURCE_LABELS[s]) }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={12}>
                <Form.Item label={t('routing.owner')}>
                  <Select<Owner>
                    allowClear
                    value={owner}
                    onChange={setOwner}
                    placeholder={t('catalog.any')}
                    options={OWNERS.map((o) => ({ value: o, label: l(OWNER_LABELS[o]) }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item label={`${t('routing.lng')} / ${t('routing.lat')}`} required>
              <Space.Compact style={{ width: '100%' }}>
                <InputNumber<number>
                  value={lng}
                  onChange={setLng}
                  min={-180}
                  max={180}
                  step={0.0001}
                  placeholder={t('routing.lng')}
                  style={{ width: '40%' }}
                  data-testid="route-test-lng"
                />
                <InputNumber<number>
                  value={lat}
                  onChange={setLat}
                  min={-90}
                  max={90}
                  step={0.0001}
                  placeholder={t('routing.lat')}
                  style={{ width: '40%' }}
                  data-testid="route-test-lat"
                />
                <Button
                  type="primary"
                  icon={<AimOutlined />}
                  disabled={!categoryId || lng === null || lat === null}
                  onClick={() => lng !== null && lat !== null && setPoint([lng, lat])}
                  style={{ width: '20%', minWidth: 72 }}
                  data-testid="route-test-run"
                >
                  {t('routing.run')}
                </Button>
              </Space.Compact>
            </Form.Item>
          </Form>
          <RoutePreviewResult
            data={query ? preview.data : undefined}
            loading={query !== null && preview.isFetching && !preview.data}
            error={query ? preview.error : null}
            onRetry={() => preview.refetch()}
          />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={t('routing.pickOnMap')} styles={{ body: { padding: 0 } }}>
          <div style={{ position: 'relative', display: 'flex', height: isMobile ? 320 : 520 }}>
            <MapView
              features={grids.data?.features}
              colorOf={colorOf}
              selectedId={preview.data?.grid?.id ?? null}
              pickMode
              onPick={pick}
              marker={point}
              tile={
                config.data?.tileUrl
                  ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
                  : null
              }
              center={config.data?.center}
            />
          </div>
        </Card>
      </Col>
    </Row>
  );
}

import { CASE_STATUS_LABELS, LIGHT_LABELS, LIGHTS } from '@chuangcheng/contracts';
import { Alert, Spin } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { useConfig } from '../../../lib/config';
import { useI18n } from '../../../lib/i18n';
import { type CaseMapPoint, useCaseMap } from '../api/case-map';
import { withoutPaging } from '../api/case-search';
import { useGridsGeojson } from '../api/get-grids-geojson';
import { useCaseList } from '../hooks/use-case-list';
import { CaseFilters, type FilterField } from './case-filters';
import { lightColor } from './case-format';
import { ClusterMap } from './cluster-map';
import './cases.css';

const MAP_FIELDS: readonly FilterField[] = ['status', 'light', 'source'];

function text(tag: string, className: string, content: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = content;
  return el;
}

function Legend() {
  const { t, l } = useI18n();
  return (
    <div className="cc-case-map-legend">
      {LIGHTS.map((light) => (
        <span key={light} className="cc-light">
          <span className="cc-light-dot" style={{ background: lightColor(light) }} />
          {l(LIGHT_LABELS[light])}
        </span>
      ))}
      <span className="cc-light">
        <span className="cc-light-dot" style={{ background: lightColor(null) }} />
        {t('cases.noLight')}
      </span>
    </div>
  );
}

/** 案件地图: the filtered cases as dots coloured by their light, clustered; a dot opens its case. */
export default function CaseMapPage() {
  const { t, l } = useI18n();
  const navigate = useNavigate();
  const config = useConfig();
  const list = useCaseList();
  const { sort: _sort, ...query } = withoutPaging(list.query);
  const map = useCaseMap(query);
  const grids = useGridsGeojson();

  const popup = useCallback(
    (p: CaseMapPoint) => {
      const root = document.createElement('div');
      root.className = 'cc-case-popup';
      root.append(
        text('div', 'cc-case-popup-number cc-mono', p.number),
        text('div', '', p.categoryName),
        text('div', 'cc-muted', l(CASE_STATUS_LABELS[p.status])),
      );
      const link = document.createElement('a');
      link.href = `/cases/${p.id}`;
      link.textContent = t('cases.openDetail');
      link.addEventListener('click', (e) => {
        // A plain click stays in the app; ctrl/cmd-click still opens a new tab.
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(`/cases/${p.id}`);
      });
      root.append(link);
      return root;
    },
    [l, t, navigate],
  );

  const tile = config.data?.tileUrl
    ? { url: config.data.tileUrl, attribution: config.data.tileAttribution }
    : null;

  return (
    <div className="cc-case-map-page">
      <div className="cc-case-map-bar">
        <CaseFilters list={list} fields={MAP_FIELDS} />
        {map.data?.truncated && (
          <Alert
            type="warning"
            showIcon
            title={t('cases.mapTruncated', { n: map.data.points.length })}
            style={{ marginBottom: 8 }}
            data-testid="map-truncated"
          />
        )}
      </div>
      <div className="cc-case-map-body">
        <ClusterMap
          points={map.data?.points}
          popup={popup}
          tile={tile}
          center={config.data?.center ?? null}
          grids={grids.data?.features}
        />
        <Legend />
        {map.isPending && (
          <div className="cc-map-overlay">
            <Spin />
          </div>
        )}
        {map.isError && (
          <div className="cc-map-overlay">
            <QueryError error={map.error} onRetry={() => map.refetch()} />
          </div>
        )}
        {map.data && map.data.points.length === 0 && <div className="cc-map-hint">{t('cases.mapEmpty')}</div>}
      </div>
    </div>
  );
}

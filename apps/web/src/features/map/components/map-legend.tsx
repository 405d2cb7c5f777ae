import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { LegendEntry } from '../hooks/use-block-palette';

/** Blocks and their colours; collapsible so it never hides the map on a phone. */
export function MapLegend({
  entries,
  total,
  defaultOpen,
}: {
  entries: LegendEntry[];
  total: number;
  defaultOpen: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(defaultOpen);
  return (
    <div className="cc-map-legend" data-testid="map-legend">
      <Button
        type="text"
        size="small"
        className="cc-map-legend-head"
        onClick={() => setOpen((o) => !o)}
        icon={open ? <DownOutlined /> : <UpOutlined />}
        iconPlacement="end"
      >
        {t('map.legend')} · {t('map.gridCount', { n: total })}
      </Button>
      {open && (
        <ul className="cc-map-legend-list">
          {entries.map((e) => (
            <li key={e.key}>
              <span className="cc-swatch" style={{ background: e.color }} />
              <span className="cc-map-legend-label">{e.key === 'none' ? t('map.noBlock') : e.label}</span>
              <span className="cc-muted">{e.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { CASE_STATUS_LABELS, type CaseSummary, LIGHT_LABELS } from '@chuangcheng/contracts';
import { Tag } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { lightColor, STATUS_COLORS } from '../labels';

/** One case in a phone list: number, status and light, class, what and where; a tap opens it. */
export function CaseCard({ item }: { item: CaseSummary }) {
  const { l, locale } = useI18n();
  const place = item.address || [item.community?.name, item.grid?.name].filter(Boolean).join(' · ');
  return (
    <li>
      <Link to={`/field/cases/${item.id}`} className="cc-field-case" data-testid="field-case">
        <div className="cc-field-case-head">
          <span
            className="cc-field-light"
            style={{ background: lightColor(item.light) }}
            title={item.light ? l(LIGHT_LABELS[item.light]) : undefined}
          />
          <span className="cc-mono cc-field-case-number">{item.number}</span>
          <Tag color={STATUS_COLORS[item.status]} style={{ marginInlineEnd: 0 }}>
            {l(CASE_STATUS_LABELS[item.status])}
          </Tag>
        </div>
        <div className="cc-field-case-category">{item.category.name}</div>
        <div className="cc-field-case-desc">{item.description}</div>
        <div className="cc-field-case-meta cc-muted">
          <span>{place || '—'}</span>
          <span>{formatDateTime(item.createdAt, locale).slice(5, 16)}</span>
        </div>
      </Link>
    </li>
  );
}

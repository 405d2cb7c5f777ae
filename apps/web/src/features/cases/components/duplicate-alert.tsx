import { CASE_LINK_TEXT, CASE_STATUS_LABELS, type Label } from '@chuangcheng/contracts';
import { Alert, Form, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useDuplicates } from '../api/case-links';
import type { NewCaseValues } from './new-case-fields';

/** A contracts text with its {placeholders} filled. */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, k: string) => (k in vars ? String(vars[k]) : whole));
}

/**
 * "附近 50 米内 24 小时内已有 2 件同类案件：…" while the category and the point are being chosen on the
 * new-case form, each case a link (new tab: the form stays as filled).
 */
export function DuplicateAlert() {
  const { l, locale } = useI18n();
  const form = Form.useFormInstance<NewCaseValues>();
  const categoryId = Form.useWatch('categoryId', form);
  const location = Form.useWatch('location', form);
  const dup = useDuplicates({ categoryId: categoryId ?? undefined, lng: location?.[0], lat: location?.[1] });
  const items = dup.data?.items ?? [];
  if (!dup.data || items.length === 0) return null;
  const text = (label: Label, vars: Record<string, string | number> = {}) => fill(l(label), vars);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="duplicate-alert"
      title={text(CASE_LINK_TEXT.duplicatesFound, {
        radius: dup.data.radiusM,
        hours: dup.data.hours,
        n: items.length,
      })}
      description={
        <>
          <ul style={{ margin: '4px 0 8px', paddingInlineStart: 20 }}>
            {items.map((c) => (
              <li key={c.id}>
                <Link to={`/cases/${c.id}`} target="_blank" rel="noopener">
                  {c.number}
                </Link>{' '}
                <Typography.Text type="secondary">
                  {l(CASE_STATUS_LABELS[c.status])} · {text(CASE_LINK_TEXT.metres, { m: c.distanceM })} ·{' '}
                  {formatDateTime(c.createdAt, locale)}
                </Typography.Text>{' '}
                {c.address ?? c.description.slice(0, 40)}
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary">{l(CASE_LINK_TEXT.duplicatesHint)}</Typography.Text>
        </>
      }
    />
  );
}

import { Alert, Button } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useHolidayCoverage } from '../api/holiday-years';

/**
 * The console's warning that a year's holidays are missing (this year, or next year from 1 November):
 * shown to the office and the administrator on every page, with no close button, until the year is
 * imported. It never blocks work: deadlines in that year count weekends only and read 期限暂估.
 */
export function HolidayBanner() {
  const me = useMe();
  const { t } = useI18n();
  const coverage = useHolidayCoverage(me.role === 'office' || me.role === 'admin');
  const missing = coverage.data ?? [];
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="holiday-banner"
      style={{ marginBottom: 12 }}
      title={missing.map((c) => (missing.length > 1 ? `${c.cityName}：${c.message}` : c.message)).join(' ')}
      action={
        <Link to="/calendar">
          <Button size="small">{t('holidays.goImport')}</Button>
        </Link>
      }
    />
  );
}

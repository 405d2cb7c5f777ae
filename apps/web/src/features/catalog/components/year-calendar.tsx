import { Card, Col, Row, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import {
  type DayKind,
  type DaySets,
  dayKind,
  daysInMonth,
  isoDate,
  monthStats,
  weekdayOf,
} from './calendar-days';

export const DAY_STYLES: Record<DayKind, CSSProperties> = {
  workday: { background: '#fff', color: 'rgba(0,0,0,0.88)', borderColor: '#f0f0f0' },
  weekend: { background: '#fafafa', color: 'rgba(0,0,0,0.4)', borderColor: '#f0f0f0' },
  holiday: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e' },
  makeup: { background: '#e6f4ff', color: '#0958d9', borderColor: '#91caff' },
};

const GRID: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 };
const CELL: CSSProperties = {
  position: 'relative',
  height: 34,
  padding: 0,
  border: '1px solid',
  borderRadius: 4,
  fontSize: 13,
  lineHeight: '32px',
  textAlign: 'center',
  fontFamily: 'inherit',
};
const MARK: CSSProperties = { position: 'absolute', top: 0, right: 2, fontSize: 9, lineHeight: '12px' };

function MonthGrid({
  year,
  month,
  sets,
  today,
  onDayClick,
  disabled,
}: {
  year: number;
  month: number;
  sets: DaySets;
  today: string;
  onDayClick: (iso: string) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const weekdays = t('calendar.weekdays').split(',');
  const lead = weekdayOf(year, month, 1);
  const days = Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1);
  const { workdays } = monthStats(year, month, sets);
  const kindLabel: Record<DayKind, string> = {
    workday: '',
    weekend: t('calendar.weekend'),
    holiday: t('calendar.holiday'),
    makeup: t('calendar.makeup'),
  };
  return (
    <Card
      size="small"
      title={t('calendar.month', { m: month })}
      extra={<Tag color="processing">{t('calendar.workdays', { n: workdays })}</Tag>}
      data-testid={`calendar-month-${month}`}
    >
      <div style={GRID}>
        {weekdays.map((w, i) => (
          <Typography.Text
            key={w}
            type={i >= 5 ? 'secondary' : undefined}
            style={{ textAlign: 'center', fontSize: 12 }}
          >
            {w}
          </Typography.Text>
        ))}
        {lead > 0 && <div style={{ gridColumn: `span ${lead}` }} />}
        {days.map((d) => {
          const iso = isoDate(year, month, d);
          const kind = dayKind(iso, sets);
          return (
            <button
              key={iso}
              type="button"
              disabled={disabled}
              title={`${iso} ${kindLabel[kind]}`}
              onClick={() => onDayClick(iso)}
              style={{
                ...CELL,
                ...DAY_STYLES[kind],
                cursor: disabled ? 'default' : 'pointer',
                outline: iso === today ? '2px solid #1677ff' : undefined,
                outlineOffset: -2,
              }}
              data-date={iso}
              data-kind={kind}
            >
              {d}
              {kind === 'holiday' && <span style={MARK}>{t('calendar.holidayShort')}</span>}
              {kind === 'makeup' && <span style={MARK}>{t('calendar.makeupShort')}</span>}
            </button>
          );
        })}
      </div>
    </Card>
  );
}

/** Twelve month grids of one year: holidays red, make-up workdays blue, weekends grey. */
export function YearCalendar({
  year,
  sets,
  onDayClick,
  disabled,
}: {
  year: number;
  sets: DaySets;
  onDayClick: (iso: string) => void;
  disabled?: boolean;
}) {
  const today = todayInCity();
  return (
    <Row gutter={[12, 12]}>
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Col key={month} xs={24} sm={12} lg={8} xxl={6}>
          <MonthGrid
            year={year}
            month={month}
            sets={sets}
            today={today}
            onDayClick={onDayClick}
            disabled={disabled}
          />
        </Col>
      ))}
    </Row>
  );
}

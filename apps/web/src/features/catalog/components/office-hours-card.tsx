import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatOffset, minutesOf } from './calendar-days';

export interface Interval {
  start: string;
  end: string;
}

const MAX_INTERVALS = 4;

/** The first problem of a list of office hours, or null: each ends after it starts, none overlap. */
export function officeHoursProblem(intervals: Interval[], t: ReturnType<typeof useI18n>['t']): string | null {
  for (const [i, x] of intervals.entries()) {
    if (!x.start || !x.end || minutesOf(x.end) <= minutesOf(x.start))
      return t('calendar.intervalInvalid', { n: i + 1 });
  }
  const sorted = [...intervals].sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
  for (let i = 1; i < sorted.length; i++) {
    if (minutesOf((sorted[i] as Interval).start) < minutesOf((sorted[i - 1] as Interval).end))
      return t('calendar.intervalOverlap');
  }
  return null;
}

/** 办公时间: up to four intervals a day, which is what “工作时” limits count. */
export function OfficeHoursCard({
  value,
  onChange,
  utcOffsetMinutes,
  disabled,
}: {
  value: Interval[];
  onChange: (value: Interval[]) => void;
  utcOffsetMinutes: number;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const problem = officeHoursProblem(value, t);
  const set = (i: number, patch: Partial<Interval>) =>
    onChange(value.map((x, j) => (j === i ? { ...x, ...patch } : x)));

  return (
    <Card
      size="small"
      title={t('calendar.officeHours')}
      extra={
        <Typography.Text type="secondary">
          {t('calendar.timezone', { offset: formatOffset(utcOffsetMinutes) })}
        </Typography.Text>
      }
      style={{ height: '100%' }}
    >
      <Typography.Paragraph type="secondary">{t('calendar.officeHoursHint')}</Typography.Paragraph>
      <Flex vertical gap={8} data-testid="office-hours">
        {value.map((x, i) => (
          // Intervals have no identity of their own; the position is the key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Flex key={i} gap={8} align="center">
            <Input
              type="time"
              value={x.start}
              disabled={disabled}
              onChange={(e) => set(i, { start: e.target.value })}
              aria-label={t('calendar.intervalStart', { n: i + 1 })}
              style={{ maxWidth: 140 }}
            />
            <span>—</span>
            <Input
              type="time"
              value={x.end}
              disabled={disabled}
              onChange={(e) => set(i, { end: e.target.value })}
              aria-label={t('calendar.intervalEnd', { n: i + 1 })}
              style={{ maxWidth: 140 }}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              disabled={disabled || value.length <= 1}
              aria-label={t('common.delete')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
            />
          </Flex>
        ))}
        {!disabled && value.length < MAX_INTERVALS && (
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => onChange([...value, { start: '', end: '' }])}
            style={{ maxWidth: 324 }}
          >
            {t('calendar.addInterval')}
          </Button>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
      </Flex>
    </Card>
  );
}

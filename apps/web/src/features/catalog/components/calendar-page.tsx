import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import type { CalendarData } from '@chuangcheng/contracts';
import { Alert, App, Button, Card, Col, Flex, Row, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { todayInCity } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCalendar } from '../api/get-calendar';
import { useUpdateCalendar } from '../api/update-calendar';
import { useCatalogWritable } from '../hooks/use-catalog-writable';
import { applyBrush, type Brush, type DaySets, monthStats } from './calendar-days';
import { HolidayYearsCard } from './holiday-years-card';
import { type Interval, OfficeHoursCard, officeHoursProblem } from './office-hours-card';
import { DAY_STYLES, YearCalendar } from './year-calendar';

interface Draft {
  officeHours: Interval[];
  sets: DaySets;
}

function draftOf(data: CalendarData): Draft {
  return {
    officeHours: data.officeHours.map((x) => ({ ...x })),
    sets: { holidays: new Set(data.holidays), makeup: new Set(data.makeupWorkdays) },
  };
}

/** The years shown: those with holiday data, and this year and next (to show they are missing). */
function yearsOf(data: CalendarData | undefined): number[] {
  const year = Number(todayInCity().slice(0, 4));
  return [...new Set([...(data?.holidayYears ?? []), year, year + 1])].sort((a, b) => a - b);
}

function Legend() {
  const { t } = useI18n();
  const swatch = (kind: keyof typeof DAY_STYLES, label: string) => (
    <Tag style={{ ...DAY_STYLES[kind], borderStyle: 'solid' }}>{label}</Tag>
  );
  return (
    <Space wrap size={4}>
      {swatch('holiday', t('calendar.holiday'))}
      {swatch('makeup', t('calendar.makeup'))}
      {swatch('weekend', t('calendar.weekend'))}
    </Space>
  );
}

/** 工作日历: office hours, and per year the public holidays and 调休 make-up workdays, saved together. */
export default function CalendarPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const calendar = useCalendar();
  const save = useUpdateCalendar();
  const writable = useCatalogWritable();
  const [year, setYear] = useState(() => Number(todayInCity().slice(0, 4)));
  const years = useMemo(() => yearsOf(calendar.data), [calendar.data]);
  // A year without holiday data is imported from the notice, never painted day by day.
  const configured = calendar.data?.holidayYears.includes(year) ?? false;
  const [brush, setBrush] = useState<Brush>('holiday');
  // null: nothing edited, the server's calendar is shown.
  const [draft, setDraft] = useState<Draft | null>(null);

  const server = useMemo(() => (calendar.data ? draftOf(calendar.data) : null), [calendar.data]);
  const current = draft ?? server;
  const problem = current ? officeHoursProblem(current.officeHours, t) : null;

  const yearStats = useMemo(() => {
    const total = { workdays: 0, holidays: 0, makeup: 0 };
    if (!current) return total;
    for (let m = 1; m <= 12; m++) {
      const s = monthStats(year, m, current.sets);
      total.workdays += s.workdays;
      total.holidays += s.holidays;
      total.makeup += s.makeup;
    }
    return total;
  }, [current, year]);

  const onDayClick = (iso: string) => {
    if (!current || !configured) return;
    const sets = applyBrush(iso, brush, current.sets);
    if (!sets) {
      message.warning(t('calendar.makeupWeekendOnly'));
      return;
    }
    setDraft({ ...current, sets });
  };

  const onSave = () => {
    if (!current || problem) return;
    save.mutate(
      {
        officeHours: [...current.officeHours].sort((a, b) => a.start.localeCompare(b.start)),
        holidays: [...current.sets.holidays].sort(),
        makeupWorkdays: [...current.sets.makeup].sort(),
      },
      {
        onSuccess: () => {
          setDraft(null);
          message.success(t('common.saved'));
        },
        onError: (error) => message.error(errorMessage(error, locale)),
      },
    );
  };

  return (
    <>
      <PageHeader
        extra={
          writable && (
            <>
              {draft && <Tag color="warning">{t('calendar.unsaved')}</Tag>}
              <Button
                icon={<UndoOutlined />}
                disabled={!draft || save.isPending}
                onClick={() => setDraft(null)}
              >
                {t('calendar.discard')}
              </Button>
              <Button
                type="primary"
                icon={<SaveOutlined />}
                disabled={!draft || Boolean(problem)}
                loading={save.isPending}
                onClick={onSave}
                data-testid="calendar-save"
              >
                {t('common.save')}
              </Button>
            </>
          )
        }
      />
      {calendar.isError && <QueryError error={calendar.error} onRetry={() => calendar.refetch()} />}
      {calendar.isPending && !calendar.isError && <Skeleton active />}
      {current && calendar.data && (
        <Flex vertical gap={16}>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={10} xl={8}>
              <OfficeHoursCard
                value={current.officeHours}
                onChange={(officeHours) => setDraft({ ...current, officeHours })}
                utcOffsetMinutes={calendar.data.utcOffsetMinutes}
                disabled={!writable}
              />
            </Col>
            <Col xs={24} lg={14} xl={16}>
              <Card size="small" title={t('calendar.year')} style={{ height: '100%' }}>
                <Flex vertical gap={12}>
                  <Segmented<number>
                    value={year}
                    onChange={setYear}
                    options={years.map((y) => ({ value: y, label: String(y) }))}
                    data-testid="calendar-year"
                  />
                  {!configured && (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('holidays.missing', { year })}
                      data-testid="calendar-year-missing"
                    />
                  )}
                  {writable && configured && (
                    <Flex gap={8} align="center" wrap>
                      <Typography.Text>{t('calendar.brush')}</Typography.Text>
                      <Segmented<Brush>
                        value={brush}
                        onChange={setBrush}
                        options={[
                          { value: 'holiday', label: t('calendar.holiday') },
                          { value: 'makeup', label: t('calendar.makeup') },
                          { value: 'clear', label: t('calendar.clear') },
                        ]}
                        data-testid="calendar-brush"
                      />
                    </Flex>
                  )}
                  <Legend />
                  <Typography.Text strong data-testid="calendar-year-summary">
                    {t('calendar.yearSummary', { year, ...yearStats })}
                  </Typography.Text>
                </Flex>
              </Card>
            </Col>
          </Row>
          <HolidayYearsCard writable={writable} />
          <YearCalendar
            year={year}
            sets={current.sets}
            onDayClick={onDayClick}
            disabled={!writable || !configured}
          />
        </Flex>
      )}
    </>
  );
}

import { ImportOutlined } from '@ant-design/icons';
import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { useI18n } from '../../../lib/i18n';
import { exportHolidayYear, useHolidayYears } from '../api/holiday-years';
import { HolidayImportModal } from './holiday-import-modal';

/** 节假日安排（按年）: which years have holiday data, built in or imported, with import and export. */
export function HolidayYearsCard({ writable }: { writable: boolean }) {
  const { t } = useI18n();
  const years = useHolidayYears();
  const [importing, setImporting] = useState(false);
  const missing = years.data?.coverage.missingYears ?? [];
  return (
    <Card
      size="small"
      title={t('holidays.title')}
      data-testid="holiday-years"
      extra={
        writable && (
          <Button
            icon={<ImportOutlined />}
            type={missing.length ? 'primary' : 'default'}
            onClick={() => setImporting(true)}
            data-testid="holiday-import"
          >
            {t('holidays.import')}
          </Button>
        )
      }
    >
      <List
        size="small"
        loading={years.isPending}
        dataSource={[
          ...missing.map((year) => ({ year, missing: true as const })),
          ...(years.data?.years ?? []).map((y) => ({ ...y, missing: false as const })),
        ].sort((a, b) => b.year - a.year)}
        renderItem={(y) => (
          <List.Item
            data-testid={`holiday-year-${y.year}`}
            actions={
              y.missing
                ? []
                : [
                    <DownloadButton key="export" onDownload={() => exportHolidayYear(y.year)}>
                      {t('holidays.export')}
                    </DownloadButton>,
                  ]
            }
          >
            <Space wrap>
              <Typography.Text strong>{y.year}</Typography.Text>
              {y.missing ? (
                <Tag color="warning">{t('holidays.noData')}</Tag>
              ) : (
                <>
                  <Tag color={y.builtIn ? 'default' : 'blue'}>
                    {y.builtIn ? t('holidays.builtIn') : t('holidays.imported')}
                  </Tag>
                  <Typography.Text type="secondary">
                    {t('holidays.counts', { holidays: y.holidays, makeup: y.makeupWorkdays })}
                  </Typography.Text>
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      <HolidayImportModal open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}

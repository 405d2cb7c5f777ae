import type { KpiRow } from '@chuangcheng/contracts';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatRate, RATE_ORDER } from './kpi-format';
import { RateTitle } from './rate-title';

/** One card per rate of the total row, its formula on hover. */
export function KpiSummary({ total, loading }: { total: KpiRow | undefined; loading: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Row gutter={[12, 12]} data-testid="kpi-summary">
        {RATE_ORDER.map((rate) => (
          <Col key={rate} xs={12} md={6} xl={3}>
            <Card size="small" className="cc-stat-card">
              <Statistic
                title={<RateTitle rate={rate} />}
                value={formatRate(rate, total?.rates[rate])}
                loading={loading}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {total && (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('kpis.cases', {
            reported: total.counters.reported,
            filed: total.counters.filed,
            needClose: total.counters.needClose,
            closed: total.counters.closed,
          })}
        </Typography.Paragraph>
      )}
    </>
  );
}

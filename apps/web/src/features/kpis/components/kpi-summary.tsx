import { QuestionCircleOutlined } from '@ant-design/icons';
import { KPI_RATE_FORMULAS, KPI_RATE_LABELS, type KpiRow } from '@chuangcheng/contracts';
import { Card, Col, Row, Statistic, Tooltip, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatRate, RATE_ORDER } from './kpi-format';

/** One card per rate of the total row, its formula on hover. */
export function KpiSummary({ total, loading }: { total: KpiRow | undefined; loading: boolean }) {
  const { t, l } = useI18n();
  return (
    <>
      <Row gutter={[12, 12]} data-testid="kpi-summary">
        {RATE_ORDER.map((rate) => (
          <Col key={rate} xs={12} md={6} xl={3}>
            <Card size="small" className="cc-stat-card">
              <Statistic
                title={
                  <Tooltip title={t('kpis.formula', { formula: KPI_RATE_FORMULAS[rate] })}>
                    <span style={{ cursor: 'help' }}>
                      {l(KPI_RATE_LABELS[rate])} <QuestionCircleOutlined />
                    </span>
                  </Tooltip>
                }
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

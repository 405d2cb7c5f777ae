import { QuestionCircleOutlined } from '@ant-design/icons';
import { KPI_RATE_FORMULAS, KPI_RATE_LABELS, KPI_RATE_STANDARD, type KpiRate } from '@chuangcheng/contracts';
import { Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** A rate's name with its formula on hover: how the product computes it, and the standard's wording. */
export function RateTitle({ rate }: { rate: KpiRate }) {
  const { t, l } = useI18n();
  return (
    <Tooltip
      title={
        <div data-testid={`kpi-formula-${rate}`}>
          <div>{t('kpis.formula', { formula: KPI_RATE_FORMULAS[rate] })}</div>
          <div style={{ marginTop: 4, opacity: 0.85 }}>
            {t('kpis.standard', { wording: KPI_RATE_STANDARD[rate] })}
          </div>
        </div>
      }
    >
      <span style={{ cursor: 'help' }} data-testid={`kpi-rate-${rate}`}>
        {l(KPI_RATE_LABELS[rate])} <QuestionCircleOutlined />
      </span>
    </Tooltip>
  );
}

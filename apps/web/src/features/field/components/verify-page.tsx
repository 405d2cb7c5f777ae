import { Segmented } from 'antd';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import type { FieldCaseQuery } from '../api/cases';
import { FL } from '../labels';
import { CaseList } from './case-list';
import './field.css';

const QUERIES: Record<'feedback' | 'reported', FieldCaseQuery> = {
  // Rectified by the unit, waiting for someone other than the rectifier to check it on site.
  feedback: { queue: 'to_verify' },
  // New reports (citizens, hotline) a checker confirms on site (核实).
  reported: { status: ['reported'] },
};

/** 核查: what waits for a check on site — rectifications to pass or send back, new reports to confirm. */
export default function VerifyPage() {
  const { l } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'reported' ? 'reported' : 'feedback';
  return (
    <div className="cc-field-page">
      <div className="cc-field-chips">
        <Segmented
          block
          value={tab}
          onChange={(v) => setParams(v === 'reported' ? { tab: 'reported' } : {}, { replace: true })}
          options={[
            { value: 'feedback', label: l(FL.toVerify) },
            { value: 'reported', label: l(FL.toConfirm) },
          ]}
          data-testid="verify-tabs"
        />
      </div>
      <div className="cc-muted cc-field-hint cc-field-hint-block">
        {tab === 'feedback' ? l(FL.verifyHint) : l(FL.confirmHint)}
      </div>
      <CaseList query={QUERIES[tab]} />
    </div>
  );
}

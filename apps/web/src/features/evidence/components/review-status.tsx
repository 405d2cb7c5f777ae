import { EVIDENCE_REVIEW_STATUS_LABELS, type EvidenceFile } from '@chuangcheng/contracts';
import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../../lib/i18n';

const COLORS: Record<EvidenceFile['reviewStatus'], string> = {
  pending_lead: 'gold',
  pending_office: 'blue',
  accepted: 'green',
  returned: 'red',
};

/** The review state of a document; a sent-back one shows its reason, a pending one who reviews it. */
export function ReviewStatus({ file }: { file: EvidenceFile }) {
  const { l } = useI18n();
  const tag = (
    <Tag color={COLORS[file.reviewStatus]} data-testid="review-status">
      {l(EVIDENCE_REVIEW_STATUS_LABELS[file.reviewStatus])}
    </Tag>
  );
  if (file.reviewStatus === 'returned')
    return (
      <div>
        {tag}
        <div className="cc-muted" style={{ fontSize: 12 }} data-testid="return-reason">
          退回原因：{file.returnReason}（{file.reviewedBy}）
        </div>
      </div>
    );
  if (file.reviewStatus === 'pending_lead' && file.leadUnitName)
    return <Tooltip title={`由牵头单位 ${file.leadUnitName} 审核`}>{tag}</Tooltip>;
  if (file.reviewStatus === 'accepted' && file.reviewedBy)
    return <Tooltip title={`${file.reviewedBy} 验收`}>{tag}</Tooltip>;
  return tag;
}

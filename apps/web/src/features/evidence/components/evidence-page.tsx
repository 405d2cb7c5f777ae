import { UploadOutlined } from '@ant-design/icons';
import { Button, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CampaignSelect } from '../../../components/campaign-picker/campaign-select';
import { useCampaignParam } from '../../../components/campaign-picker/use-campaign-param';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { useMe } from '../../../lib/session';
import { useCompleteness } from '../api/get-completeness';
import { type EvidenceSlot, useSlots } from '../api/list-slots';
import { CompletenessSummary } from './completeness-summary';
import { ExportArchiveButton } from './export-archive-button';
import { type FileFilter, FilesTable } from './files-table';
import { ReviewQueue } from './review-queue';
import { SlotsTable } from './slots-table';
import { UploadModal, type UploadTarget } from './upload-modal';

// Mirrors evidence.policy.ts, only to hide buttons that would fail.
const UPLOADERS = new Set(['admin', 'office', 'unit']);
const PACKAGERS = new Set(['admin', 'office', 'leader', 'inspector']);
const REVIEWERS = new Set(['office', 'unit']);

/** 台账资料: completeness, the indicator × period slots, uploads and the one-click 迎检资料包. */
export default function EvidencePage() {
  const me = useMe();
  const param = useCampaignParam();
  const campaignId = param.campaignId;
  const completeness = useCompleteness(campaignId);
  const slots = useSlots(campaignId);
  const [target, setTarget] = useState<UploadTarget | null>(null);
  const [filter, setFilter] = useState<FileFilter>({});
  // A slot filter belongs to one campaign.
  const [filterOf, setFilterOf] = useState(campaignId);
  if (filterOf !== campaignId) {
    setFilterOf(campaignId);
    setFilter({});
  }
  const canUpload = UPLOADERS.has(me.role);

  const showFiles = (s: EvidenceSlot) =>
    setFilter({ nodeId: s.nodeId, nodeCode: s.nodeCode, period: s.period });

  return (
    <>
      <PageHeader
        extra={
          <>
            <CampaignSelect param={param} />
            {campaignId && canUpload && (
              <Button
                type="primary"
                icon={<UploadOutlined />}
                onClick={() => setTarget({})}
                data-testid="upload-evidence"
              >
                上传资料
              </Button>
            )}
            {campaignId && PACKAGERS.has(me.role) && <ExportArchiveButton campaignId={campaignId} />}
          </>
        }
      />
      {param.error ? <QueryError error={param.error} /> : null}
      {!param.loading && param.campaigns.length === 0 && (
        <Empty
          description={
            <span>
              还没有创建活动，<Link to="/campaigns">去新建</Link>
            </span>
          }
        />
      )}
      {completeness.isError && (
        <QueryError error={completeness.error} onRetry={() => completeness.refetch()} />
      )}
      {campaignId && completeness.isPending && <Skeleton active paragraph={{ rows: 4 }} />}
      {completeness.data && <CompletenessSummary data={completeness.data} />}
      {slots.isError && <QueryError error={slots.error} onRetry={() => slots.refetch()} />}
      {campaignId && REVIEWERS.has(me.role) && (
        <ReviewQueue key={campaignId} campaignId={campaignId} office={me.role === 'office'} />
      )}
      {campaignId && (
        <>
          <SlotsTable
            slots={slots.data ?? []}
            loading={slots.isFetching}
            onMissing={canUpload ? (s) => setTarget(s) : undefined}
            onPresent={showFiles}
          />
          <FilesTable
            key={campaignId}
            campaignId={campaignId}
            filter={filter}
            onClearFilter={() => setFilter({})}
            canDelete={canUpload}
          />
          <UploadModal
            campaignId={campaignId}
            slots={slots.data ?? []}
            target={target}
            onClose={() => setTarget(null)}
          />
        </>
      )}
    </>
  );
}

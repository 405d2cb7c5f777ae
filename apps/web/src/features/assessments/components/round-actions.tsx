import { CalculatorOutlined, DownloadOutlined, LockOutlined, SaveOutlined } from '@ant-design/icons';
import type { RoundDetail } from '@chuangcheng/contracts';
import { App, Button, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { useMe } from '../../../lib/session';
import { exportRound, useCloseRound, useRecomputeRound } from '../api/round-actions';
import { useSaveScores } from '../api/save-scores';
import { canManageRound } from './roles';
import { type Draft, entryOf } from './score-sheet';

/** 保存 (the unsaved entries, in batches), 重新计算, 结束评分 and 导出Excel of a round. */
export function RoundActions({
  round,
  drafts,
  readOnly,
  onSaved,
}: {
  round: RoundDetail;
  drafts: Map<string, Draft>;
  readOnly: boolean;
  onSaved: () => void;
}) {
  const me = useMe();
  const { message } = App.useApp();
  const save = useSaveScores(round.id);
  const recompute = useRecomputeRound(round.id);
  const close = useCloseRound(round.id);
  const [exporting, setExporting] = useState(false);

  /** Runs an action and reports its outcome. */
  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      message.success(done);
      return true;
    } catch (error) {
      message.error(errorMessage(error));
      return false;
    }
  };
  const onSave = async () => {
    const byId = new Map(round.nodes.map((n) => [n.nodeId, n]));
    const entries = [...drafts].flatMap(([nodeId, d]) => {
      const node = byId.get(nodeId);
      return node ? [entryOf(node, d)] : [];
    });
    if (entries.length === 0) return;
    if (await run(() => save.mutateAsync(entries), `已保存 ${entries.length} 项评分`)) onSaved();
  };
  const onExport = async () => {
    setExporting(true);
    try {
      await exportRound(round.id, round.name);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      {!readOnly && (
        <Button
          type="primary"
          icon={<SaveOutlined />}
          disabled={drafts.size === 0}
          loading={save.isPending}
          onClick={onSave}
          data-testid="save-scores"
        >
          保存{drafts.size ? `（${drafts.size}）` : ''}
        </Button>
      )}
      {!readOnly && (
        <Button
          icon={<CalculatorOutlined />}
          loading={recompute.isPending}
          onClick={() => run(() => recompute.mutateAsync(), '已重新计算')}
        >
          重新计算
        </Button>
      )}
      {round.status === 'open' && canManageRound(me.role) && (
        <Popconfirm
          title="结束评分？"
          description={drafts.size ? '还有未保存的评分，结束后不能再修改' : '结束后评分表不能再修改'}
          okText="结束评分"
          onConfirm={() => run(() => close.mutateAsync(), '评分已结束')}
        >
          <Button icon={<LockOutlined />} loading={close.isPending} data-testid="close-round">
            结束评分
          </Button>
        </Popconfirm>
      )}
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport} data-testid="export-round">
        导出Excel
      </Button>
    </>
  );
}

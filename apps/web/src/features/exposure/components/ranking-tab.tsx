import { CheckCircleOutlined } from '@ant-design/icons';
import { RANKING_DEFAULT_K, RANKING_DEFAULT_MIN_CASES } from '@chuangcheng/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Skeleton,
  Typography,
} from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { todayInCity } from '../../../lib/format';
import {
  type RankingParams,
  useCreateRankingBoard,
  useRankingPreview,
  useSetBoardPublished,
} from '../api/ranking-boards';
import { BoardHistory } from './board-history';
import { defaultPeriod, PERIOD_PRESETS } from './period';
import { RankingLists } from './ranking-lists';

/** 生成榜单: an optional title, and whether to publish at once. */
function CreateBoardModal({ params, onClose }: { params: RankingParams | null; onClose: () => void }) {
  const { message } = App.useApp();
  const create = useCreateRankingBoard();
  const publish = useSetBoardPublished();
  const [title, setTitle] = useState('');
  const [publishNow, setPublishNow] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const fallback = params ? `${params.from} 至 ${params.to} 红黑榜` : '';
  const onOk = async () => {
    if (!params) return;
    setError(null);
    try {
      const board = await create.mutateAsync({ ...params, ...(title.trim() ? { title: title.trim() } : {}) });
      if (publishNow) await publish.mutateAsync({ id: board.id, published: true });
      message.success(publishNow ? '红黑榜已发布' : '榜单已生成（未发布）');
      setTitle('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal
      open={params !== null}
      title="生成红黑榜"
      okText={publishNow ? '生成并发布' : '生成'}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending || publish.isPending}
      destroyOnHidden
      data-testid="create-board-modal"
    >
      <Typography.Paragraph type="secondary">
        榜单按当前预览固化，之后案件变化不会改变已生成的榜单。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="榜单标题">
          <Input
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder={fallback}
            maxLength={60}
            data-testid="board-title"
          />
        </Form.Item>
        <Checkbox checked={publishNow} onChange={(e) => setPublishNow(e.target.checked)}>
          立即在公开页发布
        </Checkbox>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
    </Modal>
  );
}

/** 红黑榜: pick a period, see the lists as they would be frozen, generate and publish. */
export function RankingTab() {
  const [params, setParams] = useState<RankingParams>(() => ({
    ...defaultPeriod(),
    k: RANKING_DEFAULT_K,
    minCases: RANKING_DEFAULT_MIN_CASES,
  }));
  const [creating, setCreating] = useState<RankingParams | null>(null);
  const valid = Boolean(params.from && params.to && params.from <= params.to);
  const preview = useRankingPreview(valid ? params : null);
  const result = preview.data;
  const set = (patch: Partial<RankingParams>) => setParams((p) => ({ ...p, ...patch }));
  const today = todayInCity();

  return (
    <Flex vertical gap={16}>
      <Form layout="inline" className="cc-ranking-params">
        <Form.Item label="时段" validateStatus={valid ? undefined : 'error'}>
          <Flex gap={4} align="center" wrap>
            <Input
              type="date"
              value={params.from}
              max={params.to || undefined}
              onChange={(e) => set({ from: e.target.value })}
              style={{ width: 150 }}
              data-testid="ranking-from"
            />
            <span>~</span>
            <Input
              type="date"
              value={params.to}
              min={params.from || undefined}
              onChange={(e) => set({ to: e.target.value })}
              style={{ width: 150 }}
              data-testid="ranking-to"
            />
          </Flex>
        </Form.Item>
        <Form.Item>
          <Flex gap={4} wrap>
            {PERIOD_PRESETS.map((p) => (
              <Button key={p.key} size="small" type="text" onClick={() => set(p.period(today))}>
                {p.label}
              </Button>
            ))}
          </Flex>
        </Form.Item>
        <Form.Item label="每榜单位数">
          <InputNumber
            min={1}
            max={20}
            value={params.k}
            onChange={(v) => set({ k: v ?? RANKING_DEFAULT_K })}
          />
        </Form.Item>
        <Form.Item
          label="参评至少应结案"
          tooltip="时段内应结案数（已结案 + 超期未结案）不足此数的单位不参与排名"
        >
          <InputNumber
            min={1}
            max={1000}
            value={params.minCases}
            suffix="件"
            style={{ width: 110 }}
            onChange={(v) => set({ minCases: v ?? RANKING_DEFAULT_MIN_CASES })}
          />
        </Form.Item>
      </Form>
      {!valid && <Alert type="error" showIcon title="结束日期不能早于开始日期" />}
      {preview.isError && <QueryError error={preview.error} onRetry={() => preview.refetch()} />}
      {valid && !result && preview.isPending && <Skeleton active />}
      {valid && result && (
        <>
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Typography.Text type="secondary" data-testid="ranking-summary">
              按期结案率从高到低排名（相同时比结案率）。参评单位 {result.rankedUnits} 个
              {result.unrankedUnits > 0 &&
                `，另有 ${result.unrankedUnits} 个单位应结案数不足 ${result.minCases} 件未参评`}
              。
            </Typography.Text>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={result.rankedUnits === 0}
              onClick={() => setCreating(params)}
              data-testid="create-board"
            >
              生成榜单…
            </Button>
          </Flex>
          <RankingLists result={result} />
        </>
      )}
      <BoardHistory />
      <CreateBoardModal params={creating} onClose={() => setCreating(null)} />
    </Flex>
  );
}

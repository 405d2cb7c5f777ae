import { FileExcelOutlined, ImportOutlined } from '@ant-design/icons';
import {
  type Campaign,
  type CampaignTask,
  SCORING_RULE_LABELS,
  type StandardNode,
} from '@chuangcheng/contracts';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { QueryError } from '../../../components/query-error';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { exportTasks } from '../api/import-tasks';
import { useStandardTree } from '../api/list-standard-options';
import { useTasks } from '../api/list-tasks';
import { useCampaignsWritable, useCanReadStandards } from '../hooks/use-campaigns-writable';
import { useMessages } from '../messages';
import { TaskEditModal, type TaskTarget } from './task-edit-modal';
import { TasksImportModal } from './tasks-import-modal';

interface TaskRow {
  key: string;
  nodeId: string;
  code: string;
  title: string;
  depth: number;
  leaf: boolean;
  veto: boolean;
  task: CampaignTask | null;
  children?: TaskRow[];
}

/** Tree nodes (depth, leaf, parent) recovered from dotted codes, for viewers who may not read the standard. */
function nodesFromCodes(tasks: readonly CampaignTask[]) {
  const codes = new Map(tasks.map((task) => [task.nodeCode, task.nodeId]));
  const parentOf = (code: string): string | null => {
    const parts = code.split(/[.-]/);
    for (let n = parts.length - 1; n > 0; n--) {
      const id = codes.get(code.slice(0, parts.slice(0, n).join('.').length));
      if (id) return id;
    }
    return null;
  };
  const parents = new Map(tasks.map((task) => [task.nodeId, parentOf(task.nodeCode)]));
  const inner = new Set(parents.values());
  const sorted = [...tasks].sort((a, b) =>
    a.nodeCode.localeCompare(b.nodeCode, undefined, { numeric: true }),
  );
  return sorted.map((task) => ({
    id: task.nodeId,
    parentId: parents.get(task.nodeId) ?? null,
    code: task.nodeCode,
    title: task.nodeTitle,
    depth: task.nodeCode.split(/[.-]/).length - 1,
    leaf: !inner.has(task.nodeId),
    veto: false,
  }));
}

type TreeNode = Pick<StandardNode, 'id' | 'parentId' | 'code' | 'title' | 'depth' | 'leaf' | 'veto'>;

/** The indicator tree (pre-ordered: parents first) with each node's task. */
function buildRows(nodes: readonly TreeNode[], tasks: readonly CampaignTask[]): TaskRow[] {
  const byNode = new Map(tasks.map((task) => [task.nodeId, task]));
  const rows = new Map<string, TaskRow>();
  const roots: TaskRow[] = [];
  for (const n of nodes) {
    const row: TaskRow = {
      key: n.id,
      nodeId: n.id,
      code: n.code,
      title: n.title,
      depth: n.depth,
      leaf: n.leaf,
      veto: n.veto,
      task: byNode.get(n.id) ?? null,
    };
    rows.set(n.id, row);
    const parent = n.parentId ? rows.get(n.parentId) : undefined;
    if (!parent) roots.push(row);
    else if (parent.children) parent.children.push(row);
    else parent.children = [row];
  }
  return roots;
}

const dash = (v: string | null | undefined) => (v ? v : '—');

/** 任务分解表: every indicator with 牵头单位, 配合单位, 挂钩领导, 具体负责人 and 电话 (masked as served). */
export function TasksTab({ campaign }: { campaign: Campaign }) {
  const { t, l } = useI18n();
  // On a phone a fixed column would cover most of the row: the whole table scrolls instead.
  const isMobile = useIsMobile();
  const m = useMessages();
  const writable = useCampaignsWritable();
  const canReadStandards = useCanReadStandards();
  const tasks = useTasks(campaign.id);
  const tree = useStandardTree(campaign.standardId, canReadStandards);
  const [target, setTarget] = useState<TaskTarget | null>(null);
  const [importOpen, setImportOpen] = useState(false);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  // The standard's tree when the viewer may read it; otherwise the tree implied by the codes.
  const nodes = useMemo<readonly TreeNode[]>(
    () => tree.data?.nodes ?? nodesFromCodes(tasks.data ?? []),
    [tree.data, tasks.data],
  );
  const rows = useMemo(() => buildRows(nodes, tasks.data ?? []), [nodes, tasks.data]);
  const innerKeys = useMemo(() => nodes.filter((n) => !n.leaf).map((n) => n.id), [nodes]);
  const leaves = new Set(nodes.filter((n) => n.leaf).map((n) => n.id));
  const assigned = (tasks.data ?? []).filter((x) => x.leadUnitId && leaves.has(x.nodeId)).length;

  const columns: TableColumnsType<TaskRow> = [
    {
      title: m('indicator'),
      key: 'indicator',
      render: (_, r) => (
        <div style={{ minWidth: 200, maxWidth: 380 }}>
          <span className="cc-mono" style={{ marginInlineEnd: 6 }}>
            {r.code}
          </span>
          <Typography.Text strong={r.depth === 0}>{r.title}</Typography.Text>
          {r.veto && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {l(SCORING_RULE_LABELS.veto)}
            </Tag>
          )}
        </div>
      ),
    },
    {
      title: m('leadUnit'),
      key: 'lead',
      render: (_, r) =>
        r.task?.leadUnitName ??
        (r.leaf ? (
          <Tag color="warning" style={{ whiteSpace: 'nowrap' }}>
            {m('unassigned')}
          </Tag>
        ) : (
          '—'
        )),
    },
    {
      title: m('coUnits'),
      key: 'co',
      render: (_, r) =>
        r.task?.coUnitNames.length ? (
          <div style={{ minWidth: 100, maxWidth: 220 }}>{r.task.coUnitNames.join('、')}</div>
        ) : (
          '—'
        ),
    },
    { title: m('leaderName'), key: 'leader', render: (_, r) => dash(r.task?.leaderName) },
    { title: m('ownerName'), key: 'owner', render: (_, r) => dash(r.task?.ownerName) },
    {
      title: m('ownerPhone'),
      key: 'phone',
      render: (_, r) => (
        <span className="cc-mono" style={{ whiteSpace: 'nowrap' }}>
          {dash(r.task?.ownerPhone)}
        </span>
      ),
    },
  ];
  if (writable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: isMobile ? undefined : 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => setTarget({ nodeId: r.nodeId, code: r.code, title: r.title, task: r.task })}
          data-testid="task-edit"
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {m('assigned', { n: assigned, total: leaves.size })}
        </Typography.Text>
        <Flex gap={8} wrap>
          <DownloadButton
            icon={<FileExcelOutlined />}
            onDownload={() => exportTasks(campaign.id)}
            data-testid="tasks-export"
          >
            {m('tasksExport')}
          </DownloadButton>
          {writable && (
            <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="tasks-import">
              {m('tasksImport')}
            </Button>
          )}
        </Flex>
      </Flex>
      {canReadStandards && tree.isError && <QueryError error={tree.error} onRetry={() => tree.refetch()} />}
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => tasks.refetch()} />}
      <Table<TaskRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={tasks.isFetching || tree.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded ?? innerKeys,
          onExpandedRowsChange: (keys) => setExpanded(keys),
          indentSize: 12,
        }}
        data-testid="tasks-table"
      />
      {writable && (
        <TaskEditModal
          key={target?.nodeId ?? 'none'}
          campaignId={campaign.id}
          target={target}
          onClose={() => setTarget(null)}
        />
      )}
      {writable && (
        <TasksImportModal campaignId={campaign.id} open={importOpen} onClose={() => setImportOpen(false)} />
      )}
    </>
  );
}

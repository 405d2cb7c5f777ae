import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { REGION_LEVEL_LABELS } from '@chuangcheng/contracts';
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Row,
  Space,
  Tag,
  Tree,
  type TreeDataNode,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { DeleteButton } from '../../../components/delete-button';
import { ExportButton } from '../../../components/export-button';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { canWrite } from '../../../lib/access';
import { useI18n } from '../../../lib/i18n';
import { type RegionNode, regionPath } from '../../../lib/lookups';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { useDeleteRegion } from '../api/delete-region';
import { useRegionTree } from '../api/get-region-tree';
import { childLevel, RegionFormModal, type RegionFormMode } from './region-form-modal';

const LEVEL_COLORS = { city: 'red', district: 'orange', street: 'blue', community: 'green' } as const;

function matches(node: RegionNode, filter: string): boolean {
  return node.name.includes(filter) || node.code.startsWith(filter);
}

export default function RegionsPage() {
  const me = useMe();
  const { t, l } = useI18n();
  const isMobile = useIsMobile();
  const tree = useRegionTree();
  const remove = useDeleteRegion();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const [formMode, setFormMode] = useState<RegionFormMode | null>(null);
  const writable = canWrite(me.role, 'regions');

  const { treeData, filteredExpanded } = useMemo(() => {
    const f = filter.trim();
    const open: string[] = [];
    const toNode = (node: RegionNode): TreeDataNode | null => {
      const children = node.children.map(toNode).filter((c): c is TreeDataNode => c !== null);
      if (f && !matches(node, f) && children.length === 0) return null;
      if (f && children.length) open.push(node.id);
      return {
        key: node.id,
        title: (
          <span className="cc-region-title">
            {node.name} <span className="cc-muted cc-mono">{node.code}</span>
          </span>
        ),
        children: children.length ? children : undefined,
        isLeaf: node.children.length === 0,
      };
    };
    const roots = (tree.data?.roots ?? []).map(toNode).filter((c): c is TreeDataNode => c !== null);
    return { treeData: roots, filteredExpanded: f ? open : null };
  }, [tree.data, filter]);

  // Default: the top two levels open.
  const defaultExpanded = useMemo(
    () => (tree.data?.roots ?? []).flatMap((r) => [r.id, ...r.children.map((c) => c.id)]).slice(0, 200),
    [tree.data],
  );

  // Nothing picked yet: show the top of the tree rather than an empty panel.
  const selected = selectedId ? tree.data?.byId.get(selectedId) : tree.data?.roots[0];
  const path = tree.data && selected ? regionPath(tree.data, selected.id) : [];
  const nextLevel = selected ? childLevel(selected) : null;

  return (
    <>
      <PageHeader
        extra={
          <>
            {writable && !tree.data?.roots.length && !tree.isPending && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setFormMode({ kind: 'child', parent: null })}
              >
                {t('regions.addRoot')}
              </Button>
            )}
            <ExportButton entity="regions" query={{}} />
          </>
        }
      />
      {tree.isError && <QueryError error={tree.error} onRetry={() => tree.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={11} xl={10}>
          <Card title={t('regions.tree')} size="small">
            <Input.Search
              allowClear
              placeholder={t('regions.filter')}
              onChange={(e) => setFilter(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {tree.data && tree.data.roots.length === 0 ? (
              <Empty description={t('regions.empty')} />
            ) : (
              <Tree
                blockNode
                virtual
                height={isMobile ? 360 : 600}
                treeData={treeData}
                expandedKeys={filteredExpanded ?? expanded ?? defaultExpanded}
                onExpand={(keys) => setExpanded(keys as string[])}
                selectedKeys={selected ? [selected.id] : []}
                onSelect={(keys) => setSelectedId((keys[0] as string | undefined) ?? null)}
                data-testid="region-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={13} xl={14}>
          <Card
            title={t('regions.detail')}
            size="small"
            extra={
              selected &&
              writable && (
                <Space wrap>
                  {nextLevel && (
                    <Button
                      size="small"
                      type="primary"
                      icon={<PlusOutlined />}
                      onClick={() => setFormMode({ kind: 'child', parent: selected })}
                    >
                      {t('regions.addChild')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setFormMode({ kind: 'rename', region: selected })}
                  >
                    {t('regions.rename')}
                  </Button>
                  {selected.children.length === 0 && (
                    <DeleteButton
                      name={selected.name}
                      onConfirm={() => remove.mutateAsync(selected.id)}
                      onDeleted={() => setSelectedId(selected.parentId)}
                    />
                  )}
                </Space>
              )
            }
          >
            {selected ? (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('common.name')}>
                  <Typography.Text strong>{selected.name}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('common.code')}>
                  <Typography.Text copyable className="cc-mono">
                    {selected.code}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('regions.level')}>
                  <Tag color={LEVEL_COLORS[selected.level]}>{l(REGION_LEVEL_LABELS[selected.level])}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('regions.parent')}>
                  {path.length > 1
                    ? path
                        .slice(0, -1)
                        .map((p) => p.name)
                        .join(' / ')
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('regions.childCount')}>
                  {selected.children.length}
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('regions.selectHint')} />
            )}
            {selected && selected.children.length > 0 && (
              <div style={{ marginTop: 16 }}>
                <Typography.Text type="secondary">
                  {nextLevel ? l(REGION_LEVEL_LABELS[nextLevel]) : ''}（{selected.children.length}）
                </Typography.Text>
                <div className="cc-region-children">
                  {selected.children.map((child) => (
                    <Button key={child.id} size="small" onClick={() => setSelectedId(child.id)}>
                      {child.name}
                    </Button>
                  ))}
                </div>
              </div>
            )}
          </Card>
        </Col>
      </Row>
      {writable && (
        <RegionFormModal
          mode={formMode}
          onClose={() => setFormMode(null)}
          onCreated={(id) => {
            if (formMode?.kind === 'child' && formMode.parent) {
              const parentId = formMode.parent.id;
              setExpanded((prev) => [...new Set([...(prev ?? defaultExpanded), parentId])]);
            }
            setSelectedId(id);
          }}
        />
      )}
    </>
  );
}

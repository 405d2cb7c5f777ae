import { CheckCircleOutlined, EditOutlined, PlusOutlined, StopOutlined } from '@ant-design/icons';
import {
  CATEGORY_KIND_LABELS,
  CATEGORY_LEVEL_LABELS,
  type Category,
  type FilingCondition,
  SEVERITY_LABELS,
  type Severity,
} from '@chuangcheng/contracts';
import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { errorMessage } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useUpdateCategory } from '../api/update-category';
import { type CatalogNode, childLevel, countDescendants } from './catalog-tree';
import { formatTimeLimit } from './time-limit';

export const SEVERITY_COLORS: Record<Severity, string> = {
  low: 'default',
  normal: 'blue',
  high: 'orange',
  critical: 'red',
};

function ConditionsTable({ conditions }: { conditions: FilingCondition[] }) {
  const { t, l } = useI18n();
  const columns: TableColumnsType<FilingCondition> = [
    { title: t('catalog.conditionText'), dataIndex: 'text', width: 260 },
    {
      title: t('catalog.timeLimit'),
      key: 'timeLimit',
      width: 130,
      render: (_, c) => <Tag color="geekblue">{formatTimeLimit(c.timeLimit, l)}</Tag>,
    },
    { title: t('catalog.closingCondition'), dataIndex: 'closingCondition', width: 220 },
  ];
  return (
    <Table<FilingCondition>
      rowKey="id"
      size="small"
      bordered
      columns={columns}
      dataSource={conditions}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('catalog.noConditions') }}
      data-testid="catalog-conditions"
    />
  );
}

function CategoryDescriptions({ category }: { category: Category }) {
  const { t, l } = useI18n();
  const department = category.department?.name ?? category.departmentName;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
      <Descriptions.Item label={t('common.name')}>
        <Typography.Text strong>{category.name}</Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('common.code')}>
        <Typography.Text copyable className="cc-mono">
          {category.code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.kind')}>
        {l(CATEGORY_KIND_LABELS[category.kind])}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.level')}>
        {l(CATEGORY_LEVEL_LABELS[category.level])}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.path')} span={{ xs: 1, md: 2 }}>
        {category.path}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.department')}>
        {department ?? '—'}
        {!category.department && category.departmentName && (
          <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
            {t('catalog.departmentText', { name: category.departmentName })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.severity')}>
        <Tag color={SEVERITY_COLORS[category.severity]}>{l(SEVERITY_LABELS[category.severity])}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('catalog.status')}>
        {category.disabled ? (
          <Tag color="default">{t('catalog.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('catalog.enabled')}</Tag>
        )}
      </Descriptions.Item>
    </Descriptions>
  );
}

function ToggleButton({ category }: { category: Category }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const update = useUpdateCategory();
  const toggle = () =>
    update
      .mutateAsync({ id: category.id, body: { disabled: !category.disabled } })
      .then(() => message.success(category.disabled ? t('catalog.enabledDone') : t('catalog.disabledDone')))
      .catch((error: unknown) => message.error(errorMessage(error, locale)));
  if (category.disabled) {
    return (
      <Button size="small" icon={<CheckCircleOutlined />} loading={update.isPending} onClick={toggle}>
        {t('catalog.enable')}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={t('catalog.disableConfirm', { name: category.name })}
      okText={t('catalog.disable')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onConfirm={toggle}
    >
      <Button size="small" danger icon={<StopOutlined />} loading={update.isPending}>
        {t('catalog.disable')}
      </Button>
    </Popconfirm>
  );
}

/** The selected class: its facts, its filing conditions, its sub-classes; actions for writers. */
export function CategoryDetailCard({
  node,
  writable,
  onAddChild,
  onEdit,
  onSelect,
}: {
  node: CatalogNode | null;
  writable: boolean;
  onAddChild: (parent: CatalogNode) => void;
  onEdit: (category: Category) => void;
  onSelect: (key: string) => void;
}) {
  const { t, l } = useI18n();
  const category = node?.category ?? null;
  const nextLevel = node ? childLevel(node) : null;

  const actions = node && writable && (
    <Space wrap>
      {nextLevel && (
        <Button
          size="small"
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => onAddChild(node)}
          data-testid="catalog-add-child"
        >
          {category ? t('catalog.addChild') : t('catalog.addMajor')}
        </Button>
      )}
      {category && (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(category)}
          data-testid="catalog-edit"
        >
          {t('common.edit')}
        </Button>
      )}
      {category && <ToggleButton category={category} />}
    </Space>
  );

  return (
    <Card title={t('catalog.detail')} size="small" extra={actions} data-testid="catalog-detail">
      {!node && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('catalog.selectHint')} />}
      {node && !category && (
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('catalog.kind')}>
            <Typography.Text strong>{l(CATEGORY_KIND_LABELS[node.kind])}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('catalog.children')}>
            {t('catalog.majorCount', { n: node.children.length, total: countDescendants(node) })}
          </Descriptions.Item>
        </Descriptions>
      )}
      {category && (
        <>
          <CategoryDescriptions category={category} />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('catalog.conditions')}（{category.conditions.length}）
          </Typography.Title>
          <ConditionsTable conditions={category.conditions} />
        </>
      )}
      {node && node.children.length > 0 && (
        <div style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">
            {nextLevel ? l(CATEGORY_LEVEL_LABELS[nextLevel]) : t('catalog.children')}（{node.children.length}
            ）
          </Typography.Text>
          <Space wrap size={[8, 8]} style={{ marginTop: 8, display: 'flex' }}>
            {node.children.map((child) => (
              <Button key={child.key} size="small" onClick={() => onSelect(child.key)}>
                {child.category ? `${child.category.code} ${child.category.name}` : child.key}
              </Button>
            ))}
          </Space>
        </div>
      )}
    </Card>
  );
}

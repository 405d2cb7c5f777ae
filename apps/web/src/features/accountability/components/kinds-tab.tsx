import { PlusOutlined } from '@ant-design/icons';
import {
  ACCOUNTABILITY_KIND_TYPE_LABELS,
  type AccountabilityKind,
  type AccountabilityKindType,
} from '@chuangcheng/contracts';
import {
  Alert,
  App,
  Button,
  type ButtonProps,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Switch,
  Table,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../../lib/api-client';
import { applyFieldErrors } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useMe } from '../../../lib/session';
import { useCreateKind, useDeleteKind, useKinds, useUpdateKind } from '../api/accountability';

interface Editing {
  type: AccountabilityKindType;
  kind: AccountabilityKind | null;
}

function KindModal({ editing, onClose }: { editing: Editing | null; onClose: () => void }) {
  const { l, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description?: string; sortOrder?: number }>();
  const [error, setError] = useState<string | null>(null);
  const create = useCreateKind();
  const update = useUpdateKind();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !editing) return;
    try {
      if (editing.kind)
        await update.mutateAsync({ id: editing.kind.id, body: { ...v, description: v.description || null } });
      else await create.mutateAsync({ type: editing.type, ...v, description: v.description || undefined });
      message.success('已保存');
      setError(null);
      onClose();
    } catch (e) {
      if (!applyFieldErrors(form, e, ['name', 'description', 'sortOrder'])) setError(errorMessage(e, locale));
    }
  };
  return (
    <Modal
      open={Boolean(editing)}
      title={
        editing ? `${editing.kind ? '修改' : '新增'}${l(ACCOUNTABILITY_KIND_TYPE_LABELS[editing.type])}` : ''
      }
      onCancel={onClose}
      onOk={submit}
      okText="保存"
      destroyOnHidden
      okButtonProps={
        { loading: create.isPending || update.isPending, 'data-testid': 'kind-save' } as ButtonProps
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          editing?.kind ? { ...editing.kind, description: editing.kind.description ?? undefined } : {}
        }
      >
        <Form.Item
          name="name"
          label="名称"
          rules={[{ required: true, whitespace: true, message: '请填写名称' }]}
        >
          <Input maxLength={100} data-testid="kind-name" />
        </Form.Item>
        <Form.Item name="description" label="说明">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="sortOrder" label="顺序" extra="小的在前；不填排在最后">
          <InputNumber min={0} max={9999} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 情形与方式: the city's two lists, seeded from the speech. The city-wide office adds, renames, orders
 * and (de)activates them; one already used by an entry is deactivated, never deleted.
 */
export function KindsTab() {
  const { l, locale } = useI18n();
  const { message } = App.useApp();
  const me = useMe();
  const kinds = useKinds();
  const update = useUpdateKind();
  const remove = useDeleteKind();
  const [editing, setEditing] = useState<Editing | null>(null);
  const canEdit = me.role === 'office' && !me.unitId && (!me.regionId || me.regionId === me.cityId);

  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };

  const columns = (type: AccountabilityKindType): TableColumnsType<AccountabilityKind> => [
    { title: '顺序', dataIndex: 'sortOrder', width: 70 },
    { title: '名称', dataIndex: 'name', width: 260 },
    { title: '说明', dataIndex: 'description', render: (v: string | null) => v ?? '—' },
    { title: '已使用', dataIndex: 'usedBy', width: 80, align: 'right' },
    {
      title: '启用',
      dataIndex: 'active',
      width: 80,
      render: (active: boolean, k) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canEdit}
          onChange={(v) =>
            run(update.mutateAsync({ id: k.id, body: { active: v } }), v ? '已启用' : '已停用')
          }
          data-testid="kind-active"
        />
      ),
    },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 130,
            render: (_: unknown, k: AccountabilityKind) => (
              <Flex gap={4}>
                <Button size="small" type="link" onClick={() => setEditing({ type, kind: k })}>
                  修改
                </Button>
                {k.usedBy === 0 ? (
                  <Popconfirm
                    title="删除这一条？"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => run(remove.mutateAsync(k.id), '已删除')}
                  >
                    <Button size="small" type="link" danger>
                      删除
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      {!canEdit && <Alert type="info" showIcon title="问责情形和方式由市级创建办统一维护。" />}
      {(['situation', 'method'] as const).map((type) => (
        <Card
          key={type}
          size="small"
          title={l(ACCOUNTABILITY_KIND_TYPE_LABELS[type])}
          extra={
            canEdit && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ type, kind: null })}
                data-testid={`add-${type}`}
              >
                新增
              </Button>
            )
          }
        >
          <Table<AccountabilityKind>
            rowKey="id"
            size="small"
            columns={columns(type)}
            dataSource={(kinds.data ?? []).filter((k) => k.type === type)}
            loading={kinds.isLoading}
            pagination={false}
            scroll={{ x: 700 }}
            data-testid={`kinds-${type}`}
          />
        </Card>
      ))}
      <KindModal editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}

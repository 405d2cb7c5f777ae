import { NotificationOutlined } from '@ant-design/icons';
import {
  CASE_STATUS_LABELS,
  type CaseSummary,
  EXPOSURE_COMMENT_MAX,
  EXPOSURE_TITLE_MAX,
  type Exposure,
  type Page,
} from '@chuangcheng/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Tooltip } from 'antd';
import { useState } from 'react';
import { api, errorMessage } from '../lib/api-client';
import { applyFieldErrors } from '../lib/form-errors';
import { useIsMobile } from '../lib/responsive';
import { useMe } from '../lib/session';
import { useDebounced } from './pickers/use-debounced';

// Shared by the case detail page (曝光 on one case) and the exposure page (曝光 with a case search):
// the two features may not import each other.

/** Who may expose a case (the server checks the same). */
export const EXPOSE_ROLES = ['office', 'leader'] as const;
const NOT_EXPOSABLE = new Set(['reported', 'voided']);

export interface ExposeCase {
  id: string;
  number: string;
  /** The default title: the category and the place. */
  category: string;
  address: string | null;
}

interface Values {
  caseId: string;
  title: string;
  comment?: string;
}

const FIELDS = ['caseId', 'title', 'comment'] as const;

const defaultTitle = (c: ExposeCase) =>
  (c.address ? `${c.address} ${c.category}` : c.category).slice(0, EXPOSURE_TITLE_MAX);

function CaseSearch({
  value,
  onChange,
}: {
  value?: string;
  onChange?: (id: string, c?: ExposeCase) => void;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const cases = useQuery({
    queryKey: ['cases', 'expose-search', q],
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/api/cases', { query: { q, pageSize: 20 }, signal }),
  });
  // Cases already on the board are listed but cannot be picked again.
  const onBoard = useQuery({
    queryKey: ['exposures', 'active-ids'],
    queryFn: ({ signal }) =>
      api.get<Page<Exposure>>('/api/exposures', { query: { state: 'active', pageSize: 500 }, signal }),
  });
  const exposed = new Set(onBoard.data?.items.map((e) => e.caseId));
  const items = (cases.data?.items ?? []).filter((c) => !NOT_EXPOSABLE.has(c.status));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value}
      loading={cases.isFetching}
      placeholder="输入案件编号、地址或描述搜索"
      notFoundContent={cases.isFetching ? '搜索中…' : '没有可曝光的案件（待立案、已作废的案件不能曝光）'}
      options={items.map((c) => ({
        value: c.id,
        label: `${c.number} · ${c.category.name}${c.address ? ` · ${c.address}` : ''}（${exposed.has(c.id) ? '已曝光' : CASE_STATUS_LABELS[c.status].zh}）`,
        disabled: exposed.has(c.id),
      }))}
      onChange={(id: string) => {
        const c = items.find((x) => x.id === id);
        onChange?.(id, c && { id: c.id, number: c.number, category: c.category.name, address: c.address });
      }}
      data-testid="expose-case"
    />
  );
}

/** 曝光: the public title and the office's comment; the case is given, or searched for. */
export function ExposeModal({
  open,
  onClose,
  target,
}: {
  open: boolean;
  onClose: (published?: Exposure) => void;
  target?: ExposeCase;
}) {
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const publish = useMutation({
    mutationFn: (v: Values) => api.post<Exposure>('/api/exposures', v),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['exposures'] }),
  });

  const onOk = async () => {
    const v = await form.validateFields();
    setFormError(null);
    try {
      const done = await publish.mutateAsync({
        caseId: target?.id ?? v.caseId,
        title: v.title.trim(),
        ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
      });
      onClose(done);
    } catch (error) {
      if (!applyFieldErrors(form, error, FIELDS)) setFormError(errorMessage(error));
    }
  };

  return (
    <Modal
      open={open}
      title={target ? `曝光案件 ${target.number}` : '曝光案件'}
      okText="发布到曝光台"
      onOk={onOk}
      onCancel={() => onClose()}
      confirmLoading={publish.isPending}
      width={isMobile ? '100%' : 560}
      destroyOnHidden
      data-testid="expose-modal"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="曝光后，市民在公开页看到标题、点评、问题类别、地址、责任单位、办理状态和整改前后照片；不显示任何人员姓名和电话。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ title: target ? defaultTitle(target) : '', comment: '' }}
      >
        {!target && (
          <Form.Item name="caseId" label="案件" rules={[{ required: true, message: '请选择要曝光的案件' }]}>
            <CaseSearch
              onChange={(id, c) => {
                form.setFieldValue('caseId', id);
                if (c && !form.getFieldValue('title')) form.setFieldValue('title', defaultTitle(c));
              }}
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label="曝光标题"
          rules={[{ required: true, whitespace: true, message: '请填写曝光标题' }]}
        >
          <Input
            maxLength={EXPOSURE_TITLE_MAX}
            showCount
            placeholder="如：幸福路农贸市场门口垃圾堆放"
            data-testid="expose-title"
          />
        </Form.Item>
        <Form.Item name="comment" label="点评（公开显示）">
          <Input.TextArea
            rows={3}
            maxLength={EXPOSURE_COMMENT_MAX}
            showCount
            placeholder="如：责任单位整改不及时，予以通报"
            data-testid="expose-comment"
          />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}

/** The 曝光 button of the case detail page: for the office and leaders, on a filed, not voided case. */
export function ExposeButton({
  detail,
}: {
  detail: Pick<CaseSummary, 'id' | 'number' | 'status' | 'category' | 'address'>;
}) {
  const target: ExposeCase = {
    id: detail.id,
    number: detail.number,
    category: detail.category.name,
    address: detail.address,
  };
  const { message } = App.useApp();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const allowed = (EXPOSE_ROLES as readonly string[]).includes(me.role);
  const exposed = useQuery({
    queryKey: ['exposures', 'case', target.id],
    queryFn: ({ signal }) =>
      api.get<Page<Exposure>>('/api/exposures', { query: { caseId: target.id, state: 'active' }, signal }),
    enabled: allowed,
  });
  if (!allowed) return null;
  const onBoard = (exposed.data?.total ?? 0) > 0;
  const eligible = !NOT_EXPOSABLE.has(detail.status);
  const hint = onBoard
    ? '该案件已在曝光台上（可在曝光台管理中撤回）'
    : eligible
      ? ''
      : '待立案或已作废的案件不能曝光';
  return (
    <>
      <Tooltip title={hint || undefined}>
        <Button
          icon={<NotificationOutlined />}
          disabled={onBoard || !eligible || exposed.isPending}
          onClick={() => setOpen(true)}
          data-testid="expose-button"
        >
          {onBoard ? '已曝光' : '曝光'}
        </Button>
      </Tooltip>
      <ExposeModal
        open={open}
        target={target}
        onClose={(done) => {
          setOpen(false);
          if (done) message.success('已发布到曝光台');
        }}
      />
    </>
  );
}

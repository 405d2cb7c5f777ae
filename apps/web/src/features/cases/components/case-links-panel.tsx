import { MergeCellsOutlined } from '@ant-design/icons';
import {
  CASE_LINK_TEXT,
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_STATUS_LABELS,
  type CaseDetail,
  type CaseSource,
  type CaseStatus,
  type CaseSummary,
  type Label,
  type Page,
} from '@chuangcheng/contracts';
import { Alert, App, Button, Card, Empty, Flex, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useMe } from '../../../lib/session';
import { useCaseChildren, useDuplicates, useMergeCase, useSplitCase } from '../api/case-links';
import { useCase } from '../api/get-case';
import { STATUS_COLORS } from './case-format';
import { fill } from './duplicate-alert';

// 并案 / 拆分 / 反弹 on the case detail page: the banners, the merged children and the merge dialog.

const TEXT = {
  mergedInto: { zh: '已并入案件', en: 'Merged into case' },
  mergedHint: {
    zh: '本案作为重复案件已作废，由主案件一并办理；主案件办结时上报人一并收到通知。',
    en: 'This duplicate was voided and is handled with the main case; its reporter hears when that closes.',
  },
  relapse: { zh: '反弹：与已结案件', en: 'Relapse: same problem at the same place as closed case' },
  relapseTail: { zh: '同一位置同类问题', en: '' },
  split: { zh: '拆分', en: 'Split' },
  splitTitle: { zh: '拆分案件 {number}', en: 'Split case {number}' },
  splitHint: {
    zh: '取消并案：本案与主案件不再关联；已作废的案件将按原信息重新登记为新案件。',
    en: 'Undo the merge; a voided case is registered again as a new case with the same details.',
  },
  splitDone: { zh: '已拆分', en: 'Split' },
  splitReRegistered: { zh: '已拆分，重新登记为案件 {number}', en: 'Split; registered again as {number}' },
  merge: { zh: '合并到…', en: 'Merge into…' },
  mergeTitle: { zh: '并案：将 {number} 并入另一案件', en: 'Merge {number} into another case' },
  mergeHint: {
    zh: '本案将作废并关联到所选主案件，由主案件一并办理；如合并有误可再拆分。',
    en: 'This case is voided and linked to the chosen main case; a wrong merge can be split again.',
  },
  suggestions: {
    zh: '疑似重复（附近同类未结案件）',
    en: 'Possible duplicates (open, same category, nearby)',
  },
  noSuggestions: {
    zh: '附近 {radius} 米内 {hours} 小时内没有同类未结案件',
    en: 'No open case of this category within {radius} m in the last {hours} h',
  },
  noCategory: {
    zh: '本案没有问题类别，无法查找疑似重复',
    en: 'The case has no category to look for duplicates',
  },
  orNumber: { zh: '或输入主案件编号 / ID', en: 'Or enter the main case number / id' },
  numberPlaceholder: { zh: '粘贴案件编号或 ID', en: 'Paste a case number or id' },
  note: { zh: '说明（选填）', en: 'Note (optional)' },
  pickParent: { zh: '请选择或输入主案件', en: 'Choose or enter the main case' },
  notFound: { zh: '未找到编号为 {number} 的案件', en: 'No case numbered {number}' },
  merged: { zh: '已并入案件 {number}', en: 'Merged into {number}' },
  children: { zh: '已合并的案件', en: 'Merged cases' },
  reporter: { zh: '上报人', en: 'Reporter' },
  view: { zh: '查看', en: 'Open' },
} as const satisfies Record<string, Label>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who merges and splits (CASE_MERGE on the server). */
const canMerge = (role: string) => role === 'office';
/** The states a duplicate can be merged from (待立案, 待派遣). */
const MERGEABLE: readonly CaseStatus[] = ['reported', 'filed'];

function useText() {
  const { l } = useI18n();
  return (label: Label, vars: Record<string, string | number> = {}) => fill(l(label), vars);
}

/** No StatusTag here: its test id names the page's own status. */
function StatusLabel({ status }: { status: CaseStatus }) {
  const { l } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{l(CASE_STATUS_LABELS[status])}</Tag>;
}

/** A link to another case, by its number once known. */
function CaseLink({ id }: { id: string }) {
  const text = useText();
  const other = useCase(id);
  return (
    <Link to={`/cases/${id}`} className="cc-mono" data-testid="linked-case">
      {other.data?.number ?? text(TEXT.view)}
    </Link>
  );
}

/** A small dialog with an optional note: the split. */
function SplitButton({ detail }: { detail: CaseDetail }) {
  const text = useText();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const split = useSplitCase();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setNote('');
    setError(null);
  };
  const onOk = () => {
    setError(null);
    split.mutate(
      { id: detail.id, body: note.trim() ? { note: note.trim() } : {} },
      {
        onSuccess: (r) => {
          close();
          if (r.reRegistered) {
            message.success(text(TEXT.splitReRegistered, { number: r.case.number }));
            navigate(`/cases/${r.case.id}`);
          } else message.success(text(TEXT.splitDone));
        },
        onError: (e) => setError(errorMessage(e, locale)),
      },
    );
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid="split-case">
        {text(TEXT.split)}
      </Button>
      <Modal
        open={open}
        title={text(TEXT.splitTitle, { number: detail.number })}
        onOk={onOk}
        okText={text(TEXT.split)}
        onCancel={close}
        confirmLoading={split.isPending}
        destroyOnHidden
        data-testid="split-modal"
      >
        <Typography.Paragraph type="secondary">{text(TEXT.splitHint)}</Typography.Paragraph>
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={text(TEXT.note)}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}

/** "已并入案件 …" (with 拆分 for the office) and "反弹：与已结案件 … 同一位置同类问题". */
export function CaseLinkAlerts({ detail }: { detail: CaseDetail }) {
  const text = useText();
  const me = useMe();
  return (
    <>
      {detail.parentCaseId && (
        <Alert
          type="info"
          showIcon
          className="cc-case-section"
          data-testid="merged-alert"
          title={
            <span>
              {text(TEXT.mergedInto)} <CaseLink id={detail.parentCaseId} />
            </span>
          }
          description={text(TEXT.mergedHint)}
          action={canMerge(me.role) ? <SplitButton detail={detail} /> : undefined}
        />
      )}
      {detail.relapseOfCaseId && (
        <Alert
          type="warning"
          showIcon
          className="cc-case-section"
          data-testid="relapse-alert"
          title={
            <span>
              {text(TEXT.relapse)} <CaseLink id={detail.relapseOfCaseId} /> {text(TEXT.relapseTail)}
            </span>
          }
        />
      )}
    </>
  );
}

/** Finds the case a pasted number or id names: an id as is, a number by the list's search. */
async function resolveParent(input: string): Promise<{ id: string; number: string } | null> {
  if (UUID.test(input)) return { id: input, number: input };
  const page = await api.get<Page<CaseSummary>>('/api/cases', { query: { q: input, pageSize: 20 } });
  const hit = page.items.find((c) => c.number.toUpperCase() === input.toUpperCase());
  return hit ? { id: hit.id, number: hit.number } : null;
}

function MergeModal({ detail, open, onClose }: { detail: CaseDetail; open: boolean; onClose: () => void }) {
  const text = useText();
  const { l, locale } = useI18n();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const merge = useMergeCase();
  const dup = useDuplicates(
    open && detail.category.id && detail.lng !== null && detail.lat !== null
      ? { categoryId: detail.category.id, lng: detail.lng, lat: detail.lat, excludeId: detail.id }
      : {},
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const items = dup.data?.items ?? [];

  const close = () => {
    setPicked(null);
    setTyped('');
    setNote('');
    setError(null);
    onClose();
  };

  const onOk = async () => {
    setError(null);
    const input = typed.trim();
    let parent: { id: string; number: string } | null = null;
    if (input) {
      setResolving(true);
      try {
        parent = await resolveParent(input);
      } catch (e) {
        setError(errorMessage(e, locale));
        return;
      } finally {
        setResolving(false);
      }
      if (!parent) {
        setError(text(TEXT.notFound, { number: input }));
        return;
      }
    } else if (picked) {
      const hit = items.find((c) => c.id === picked);
      parent = { id: picked, number: hit?.number ?? picked };
    }
    if (!parent) {
      setError(text(TEXT.pickParent));
      return;
    }
    merge.mutate(
      { id: detail.id, body: { parentId: parent.id, ...(note.trim() ? { note: note.trim() } : {}) } },
      {
        onSuccess: (r) => {
          message.success(text(TEXT.merged, { number: r.parent.number }));
          close();
        },
        onError: (e) => setError(errorMessage(e, locale)),
      },
    );
  };

  let suggestions: ReactNode;
  if (!detail.category.id)
    suggestions = <Typography.Text type="secondary">{text(TEXT.noCategory)}</Typography.Text>;
  else if (dup.isError) suggestions = <Alert type="error" showIcon title={errorMessage(dup.error, locale)} />;
  else if (dup.data && items.length === 0) {
    suggestions = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={text(TEXT.noSuggestions, { radius: dup.data.radiusM, hours: dup.data.hours })}
      />
    );
  } else {
    suggestions = (
      <Radio.Group
        value={picked}
        onChange={(e) => {
          setPicked(e.target.value as string);
          setTyped('');
        }}
        style={{ width: '100%' }}
        data-testid="merge-suggestions"
      >
        <Flex vertical gap={8}>
          {items.map((c) => (
            <Radio key={c.id} value={c.id}>
              <span className="cc-mono">{c.number}</span> <StatusLabel status={c.status} />
              <Typography.Text type="secondary">
                {text(CASE_LINK_TEXT.metres, { m: c.distanceM })} · {formatDateTime(c.createdAt, locale)}
              </Typography.Text>
              <div>{c.address ?? c.description.slice(0, 60)}</div>
            </Radio>
          ))}
        </Flex>
      </Radio.Group>
    );
  }

  return (
    <Modal
      open={open}
      title={text(TEXT.mergeTitle, { number: detail.number })}
      onOk={onOk}
      okText={l({ zh: '并案', en: 'Merge' })}
      onCancel={close}
      confirmLoading={merge.isPending || resolving}
      width={isMobile ? '100%' : 600}
      destroyOnHidden
      data-testid="merge-modal"
    >
      <Alert type="info" showIcon title={text(TEXT.mergeHint)} style={{ marginBottom: 16 }} />
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {text(TEXT.suggestions)}
      </Typography.Title>
      {dup.isPending && detail.category.id ? (
        <Typography.Text type="secondary">…</Typography.Text>
      ) : (
        suggestions
      )}
      <Typography.Title level={5}>{text(TEXT.orNumber)}</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Input
          value={typed}
          placeholder={text(TEXT.numberPlaceholder)}
          allowClear
          onChange={(e) => {
            setTyped(e.target.value);
            if (e.target.value) setPicked(null);
          }}
          data-testid="merge-parent-input"
        />
        <Input.TextArea
          rows={2}
          maxLength={500}
          placeholder={text(TEXT.note)}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Space>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="merge-error" />
      )}
    </Modal>
  );
}

/** 合并到…: for the office, on a 待立案/待派遣 case that is neither merged nor a main case. */
export function MergeButton({ detail }: { detail: CaseDetail }) {
  const text = useText();
  const me = useMe();
  const children = useCaseChildren(detail.id);
  const [open, setOpen] = useState(false);
  const allowed =
    canMerge(me.role) &&
    MERGEABLE.includes(detail.status) &&
    !detail.parentCaseId &&
    children.data !== undefined &&
    children.data.length === 0;
  if (!allowed) return null;
  return (
    <>
      <Button icon={<MergeCellsOutlined />} onClick={() => setOpen(true)} data-testid="merge-case">
        {text(TEXT.merge)}
      </Button>
      <MergeModal detail={detail} open={open} onClose={() => setOpen(false)} />
    </>
  );
}

const sourceLabel = (s: string, l: (x: Label) => string) =>
  (CASE_SOURCES as readonly string[]).includes(s) ? l(CASE_SOURCE_LABELS[s as CaseSource]) : s;

/** 已合并的案件: the duplicates merged into this case, each a link. Nothing when there are none. */
export function MergedChildren({ detail }: { detail: CaseDetail }) {
  const text = useText();
  const { l, locale } = useI18n();
  const children = useCaseChildren(detail.id);
  const items = children.data ?? [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      title={`${text(TEXT.children)}（${items.length}）`}
      className="cc-case-section"
      data-testid="merged-children"
    >
      <Flex vertical gap={10}>
        {items.map((c) => (
          <div key={c.id}>
            <Flex wrap gap={6} align="center">
              <Link to={`/cases/${c.id}`} className="cc-mono">
                {c.number}
              </Link>
              <StatusLabel status={c.status} />
              <Typography.Text type="secondary">
                {sourceLabel(c.source, l)}
                {c.reporterName ? ` · ${text(TEXT.reporter)} ${c.reporterName}` : ''} ·{' '}
                {formatDateTime(c.createdAt, locale)}
              </Typography.Text>
            </Flex>
            <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
              {c.address ? `${c.address} · ` : ''}
              {c.description}
            </Typography.Text>
          </div>
        ))}
      </Flex>
    </Card>
  );
}

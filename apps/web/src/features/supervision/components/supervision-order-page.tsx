import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { SUPERVISION_LINE_KIND_LABELS, SUPERVISION_STEP_LABELS } from '@chuangcheng/contracts';
import { Alert, App, Button, Card, Descriptions, Flex, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { downloadOrder, useClose, useOrder, useReply, useSign } from '../api/supervision';
import { LevelTag, StateTag } from './supervision-labels';

/** One 督办单: its frozen content (lines as issued), the unit's 签收 and reply, 办结, the history. */
export default function SupervisionOrderPage() {
  const { id = '' } = useParams();
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const order = useOrder(id);
  const sign = useSign();
  const reply = useReply();
  const close = useClose();
  const [text, setText] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  if (order.error) return <QueryError error={order.error} />;
  const o = order.data;
  if (!o) return <Card loading />;
  const c = o.content;
  const run = async (p: Promise<unknown>, done: string) => {
    try {
      await p;
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e, locale));
    }
  };
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadOrder(o.id, o.number, format);
    } catch (e) {
      message.error(errorMessage(e, locale));
    } finally {
      setBusy(null);
    }
  };
  return (
    <>
      <PageHeader
        title={`${o.level >= 2 ? '挂牌督办通知单' : '督办单'} ${o.number}`}
        extra={
          <Space wrap>
            <Button icon={<FileWordOutlined />} loading={busy === 'docx'} onClick={() => get('docx')}>
              Word
            </Button>
            <Button icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => get('pdf')}>
              PDF
            </Button>
          </Space>
        }
      />
      <Flex vertical gap={12}>
        {o.migrated && <Alert type="info" showIcon message={t('supervision.migrated')} />}
        <Card size="small">
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="order-facts">
            <Descriptions.Item label={t('supervision.number')}>
              <span className="cc-mono">{o.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.state')}>
              <Space size={4}>
                <StateTag state={o.state} />
                <LevelTag level={o.level} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.unit')}>{c.unitName}</Descriptions.Item>
            <Descriptions.Item label={t('supervision.deadline')}>
              <Typography.Text type={o.overdue ? 'danger' : undefined} data-testid="order-deadline">
                {formatDateTime(c.deadline, locale)}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.issuedBy')}>
              {c.officeName} · {c.issuedBy}
            </Descriptions.Item>
            <Descriptions.Item label={t('supervision.issuedAt')}>
              {formatDateTime(c.issuedAt, locale)}
            </Descriptions.Item>
            {o.escalatedFrom && (
              <Descriptions.Item label={t('supervision.escalatedFrom')}>
                <Link to={`/supervision/${o.escalatedFrom.id}`}>{o.escalatedFrom.number}</Link>
              </Descriptions.Item>
            )}
            {o.escalatedToId && (
              <Descriptions.Item label={t('supervision.escalatedTo')}>
                <Link to={`/supervision/${o.escalatedToId}`}>{t('supervision.open')}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>
            <Typography.Text strong>{t('supervision.requirements')}：</Typography.Text>
            {c.requirements}
          </Typography.Paragraph>
        </Card>
        <Card size="small" title={`${t('supervision.lines')}（${c.lines.length}）`}>
          <Flex vertical gap={12}>
            {c.lines.map((line, i) => (
              <div key={`${line.kind}-${line.refId}`} data-testid="order-line">
                <Space wrap size={4}>
                  <Typography.Text strong>
                    {i + 1}. {l(SUPERVISION_LINE_KIND_LABELS[line.kind])}
                  </Typography.Text>
                  {line.kind === 'case' ? (
                    <Link to={`/cases/${line.refId}`} className="cc-mono">
                      {line.refNumber}
                    </Link>
                  ) : (
                    <span className="cc-mono">{line.refNumber}</span>
                  )}
                  <span>{line.title}</span>
                </Space>
                <div className="cc-muted">
                  {line.address ?? '—'} · {t('supervision.originalDeadline')}：
                  {formatDateTime(line.originalDeadline, locale)}
                </div>
                <div>{line.description}</div>
              </div>
            ))}
          </Flex>
        </Card>
        {o.reply && (
          <Card size="small" title={t('supervision.reply')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="order-reply">
              {o.reply.text}
            </Typography.Paragraph>
            <Flex gap={8} wrap>
              {o.reply.photoIds.map((p) => (
                <img
                  key={p}
                  src={`/api/supervision-orders/${o.id}/photos/${p}?thumb=1`}
                  alt={t('supervision.reply')}
                  style={{ height: 96, borderRadius: 4 }}
                />
              ))}
            </Flex>
          </Card>
        )}
        {o.allowed.length > 0 && (
          <Card size="small" title={t('supervision.todo')}>
            {o.allowed.includes('sign') && (
              <Button
                type="primary"
                block
                loading={sign.isPending}
                onClick={() => run(sign.mutateAsync(o.id), t('supervision.signed'))}
              >
                {t('supervision.sign')}
              </Button>
            )}
            {o.allowed.includes('reply') && (
              <Flex vertical gap={8}>
                <Input.TextArea
                  rows={4}
                  value={text}
                  maxLength={4000}
                  placeholder={t('supervision.replyPlaceholder')}
                  onChange={(e) => setText(e.target.value)}
                  data-testid="reply-text"
                />
                <Button
                  type="primary"
                  block
                  disabled={!text.trim()}
                  loading={reply.isPending}
                  onClick={() => run(reply.mutateAsync({ id: o.id, text }), t('supervision.replied'))}
                >
                  {t('supervision.sendReply')}
                </Button>
              </Flex>
            )}
            {o.allowed.includes('close') && (
              <Flex vertical gap={8}>
                <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
                <Button
                  type="primary"
                  block
                  loading={close.isPending}
                  onClick={() =>
                    run(
                      close.mutateAsync({ id: o.id, note: note.trim() || undefined }),
                      t('supervision.closed'),
                    )
                  }
                >
                  {t('supervision.close')}
                </Button>
              </Flex>
            )}
          </Card>
        )}
        <Card size="small" title={t('supervision.history')}>
          <Timeline
            items={o.history.map((h) => ({
              children: (
                <span>
                  {formatDateTime(h.at, locale)} {h.byName}{' '}
                  {l(SUPERVISION_STEP_LABELS[h.action] ?? { zh: h.action, en: h.action })}
                  {h.note ? `：${h.note}` : ''}
                </span>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

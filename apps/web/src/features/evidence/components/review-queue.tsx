import { CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import type { EvidenceFile } from '@chuangcheng/contracts';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { useIsMobile } from '../../../lib/responsive';
import { downloadEvidence } from '../api/delete-evidence';
import { useReviewEvidence, useReviews } from '../api/review-evidence';
import { periodLabel } from './periods';
import { ReviewStatus } from './review-status';

/**
 * 待我审核: the lead unit approves or sends back its indicators' documents; the office accepts or sends
 * back, and sees those still waiting at a lead unit. Buttons are the actions the server allows.
 */
export function ReviewQueue({ campaignId, office }: { campaignId: string; office: boolean }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const reviews = useReviews(campaignId, true);
  const review = useReviewEvidence();
  const [returning, setReturning] = useState<EvidenceFile | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const approve = async (f: EvidenceFile) => {
    try {
      await review.mutateAsync({ id: f.id, body: { action: 'approve' } });
      message.success(
        f.reviewStatus === 'pending_lead' ? '已审核通过，转创建办验收' : '已接受，计入台账完整率',
      );
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const sendBack = async () => {
    if (!returning) return;
    const { reason } = await form.validateFields();
    try {
      await review.mutateAsync({ id: returning.id, body: { action: 'return', reason } });
      message.success('已退回，上传单位将看到退回原因');
      setReturning(null);
      form.resetFields();
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const columns: TableColumnsType<EvidenceFile> = [
    {
      title: '资料',
      key: 'title',
      render: (_, f) => (
        <div>
          <div>{f.title}</div>
          <div className="cc-muted" style={{ fontSize: 12 }}>
            <span className="cc-mono">{f.nodeCode}</span> {f.requirement} · {periodLabel(f.period)}
          </div>
          <div className="cc-muted" style={{ fontSize: 12 }}>
            {f.uploadedBy ?? '—'} 上传 · 成文 {f.docDate}
          </div>
        </div>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: isMobile ? 110 : 160,
      render: (_, f) => (
        <div>
          <ReviewStatus file={f} />
          {f.leadReviewedBy && (
            <div className="cc-muted" style={{ fontSize: 12 }}>
              牵头单位：{f.leadReviewedBy} 已审
            </div>
          )}
        </div>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: isMobile ? 120 : 220,
      render: (_, f) => (
        <Space wrap size={4}>
          <Button
            size="small"
            icon={<DownloadOutlined />}
            onClick={() => downloadEvidence(f.id, f.fileName).catch((e) => message.error(errorMessage(e)))}
          >
            {isMobile ? '' : '查看'}
          </Button>
          {f.reviewActions.includes('approve') && (
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              loading={review.isPending}
              onClick={() => approve(f)}
              data-testid="review-approve"
            >
              {f.reviewStatus === 'pending_lead' ? '审核通过' : '接受'}
            </Button>
          )}
          {f.reviewActions.includes('return') && (
            <Button
              size="small"
              danger
              icon={<RollbackOutlined />}
              onClick={() => setReturning(f)}
              data-testid="review-return"
            >
              退回
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={office ? '台账审核（创建办验收）' : '待本单位审核的台账（牵头单位）'}
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: 0 } }}
      data-testid="review-queue"
    >
      {reviews.isError && <QueryError error={reviews.error} onRetry={() => reviews.refetch()} />}
      {office && (
        <Alert
          type="info"
          banner
          showIcon
          title="单位上传 → 牵头单位审核 → 创建办验收；只有已接受的资料计入台账完整率。退回须写明原因。"
        />
      )}
      <Table<EvidenceFile>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={reviews.data ?? []}
        loading={reviews.isFetching}
        scroll={{ x: isMobile ? 380 : undefined }}
        pagination={{
          pageSize: 10,
          size: 'small',
          hideOnSinglePage: true,
          showTotal: (n) => `共 ${n} 份待审核`,
        }}
        locale={{ emptyText: '没有待审核的资料' }}
      />
      <Modal
        title={returning ? `退回“${returning.title}”` : '退回'}
        open={returning !== null}
        okText="退回"
        okButtonProps={{ danger: true, loading: review.isPending }}
        cancelText="取消"
        onOk={sendBack}
        onCancel={() => {
          setReturning(null);
          form.resetFields();
        }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="退回原因"
            rules={[
              { required: true, whitespace: true, message: '请填写退回原因，上传单位据此整改' },
              { min: 2, message: '退回原因至少 2 个字' },
            ]}
          >
            <Input.TextArea
              maxLength={500}
              autoSize={{ minRows: 3 }}
              placeholder="如：缺少公章；日期与期间不符；内容不是该项资料"
              data-testid="review-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

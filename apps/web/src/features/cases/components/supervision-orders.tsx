import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import {
  type CaseDetail,
  SUPERVISION_LEVEL_LABELS,
  SUPERVISION_ORDER_STATE_LABELS,
  type SupervisionOrderState,
} from '@chuangcheng/contracts';
import { App, Button, Flex, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { downloadSupervisionOrder } from '../api/download-files';

type Order = CaseDetail['supervisionOrders'][number];

function OrderRow({ order }: { order: Order }) {
  const { t, l, locale } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'pdf' | null>(null);
  const get = async (format: 'docx' | 'pdf') => {
    setBusy(format);
    try {
      await downloadSupervisionOrder(order.id, order.number, format);
    } catch (error) {
      message.error(errorMessage(error, locale));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Flex justify="space-between" align="center" wrap gap={8} data-testid="supervision-order">
      <Space wrap size={4}>
        <Link to={`/supervision/${order.id}`} className="cc-mono">
          {order.number}
        </Link>
        <Tag color={order.level >= 2 ? 'red' : 'orange'}>{l(SUPERVISION_LEVEL_LABELS[order.level])}</Tag>
        <Tag>
          {SUPERVISION_ORDER_STATE_LABELS[order.state as SupervisionOrderState]?.[locale] ?? order.state}
        </Tag>
        <span className="cc-muted">
          {formatDateTime(order.issuedAt, locale)} · 限期 {formatDateTime(order.deadline, locale)}
        </span>
      </Space>
      <Space size={4}>
        <Button
          size="small"
          icon={<FileWordOutlined />}
          loading={busy === 'docx'}
          onClick={() => get('docx')}
        >
          {t('cases.word')}
        </Button>
        <Button size="small" icon={<FilePdfOutlined />} loading={busy === 'pdf'} onClick={() => get('pdf')}>
          PDF
        </Button>
      </Space>
    </Flex>
  );
}

/** 督办单 issued for the case (several over time), each opening its register page, as Word or PDF. */
export function SupervisionOrders({ orders }: { orders: Order[] }) {
  return (
    <Flex vertical gap={8}>
      {orders.map((o) => (
        <OrderRow key={o.id} order={o} />
      ))}
    </Flex>
  );
}

import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@chuangcheng/contracts';
import { App, Badge, Button, Drawer, Empty, Flex, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/query-error';
import { errorMessage } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useIsMobile } from '../../../lib/responsive';
import { useNotifications } from '../api/list-notifications';
import { useMarkAllNotificationsRead } from '../api/mark-all-read';
import { useMarkNotificationRead } from '../api/mark-read';

const ITEM_STYLE: React.CSSProperties = {
  display: 'block',
  width: '100%',
  padding: '8px 12px',
  border: 0,
  borderTop: '1px solid #f0f0f0',
  textAlign: 'start',
  cursor: 'pointer',
  font: 'inherit',
};

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const { locale } = useI18n();
  const unread = !item.readAt;
  return (
    <button
      type="button"
      onClick={() => onOpen(item)}
      style={{ ...ITEM_STYLE, background: unread ? '#f0f7ff' : 'transparent' }}
      data-testid="notification-item"
      data-unread={unread || undefined}
    >
      <Flex justify="space-between" gap={8}>
        <Typography.Text strong={unread} ellipsis>
          {item.title}
        </Typography.Text>
        {unread && <Badge status="processing" />}
      </Flex>
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0' }}>
        {item.body}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(item.createdAt, locale)}
      </Typography.Text>
    </button>
  );
}

/** The header bell: unread count (polled every minute), the latest notifications, 全部已读 (a drawer on phones). */
export function NotificationBell() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const unread = notifications.data?.unread ?? 0;
  const items = notifications.data?.items ?? [];

  const openItem = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    if (item.caseId) {
      setOpen(false);
      navigate(`/cases/${item.caseId}`);
    }
  };

  const readAll = () =>
    markAll.mutate(undefined, { onError: (error) => message.error(errorMessage(error, locale)) });

  const heading = (
    <Typography.Text strong>
      {t('notifications.title')}
      {unread > 0 && (
        <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 8 }}>
          {t('notifications.unread', { n: unread })}
        </Typography.Text>
      )}
    </Typography.Text>
  );

  const readAllButton = (
    <Button
      type="link"
      size="small"
      disabled={unread === 0}
      loading={markAll.isPending}
      onClick={readAll}
      data-testid="notifications-read-all"
    >
      {t('notifications.readAll')}
    </Button>
  );

  const list =
    notifications.isError && !notifications.data ? (
      <QueryError error={notifications.error} onRetry={() => notifications.refetch()} />
    ) : notifications.isPending ? (
      <Flex justify="center" style={{ padding: 24 }}>
        <Spin />
      </Flex>
    ) : items.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
    ) : (
      items.map((item) => <NotificationItem key={item.id} item={item} onOpen={openItem} />)
    );

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { n: unread })}
      title={t('notifications.title')}
      data-testid="notification-bell"
      onClick={isMobile ? () => setOpen(true) : undefined}
      icon={
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 16 }} />
        </Badge>
      }
    />
  );

  if (isMobile) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={heading}
          extra={readAllButton}
          styles={{ body: { padding: 0 } }}
        >
          <div data-testid="notification-list">{list}</div>
        </Drawer>
      </>
    );
  }

  return (
    <Popover
      content={
        <div style={{ width: 360 }} data-testid="notification-list">
          <Flex justify="space-between" align="center" style={{ padding: '4px 12px 8px' }}>
            {heading}
            {readAllButton}
          </Flex>
          <div style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto' }}>{list}</div>
        </div>
      }
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
      styles={{ container: { padding: '8px 0' } }}
    >
      {bell}
    </Popover>
  );
}

import { BellOutlined } from '@ant-design/icons';
import type { Notification } from '@tuoitho/domain';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../lib/dates';
import { useLatestNotifications, useMarkAllNotificationsRead, useMarkNotificationRead } from './api';
import { notificationTarget, notificationText } from './notificationText';

/** The bell of the header: unread count, the latest notifications, mark read and go to the case. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [isOpen, setIsOpen] = useState(false);
  const latest = useLatestNotifications();
  const markRead = useMarkNotificationRead();
  const markAllRead = useMarkAllNotificationsRead();
  const unread = latest.data?.unreadCount ?? 0;

  const open = (item: Notification) => {
    if (!item.readAt) markRead.mutate(item.id);
    setIsOpen(false);
    navigate(notificationTarget(item));
  };

  const content = (
    <div style={{ width: 'min(380px, calc(100vw - 32px))' }}>
      <Flex justify="space-between" align="center" gap={8} style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button
          type="link"
          size="small"
          disabled={unread === 0}
          loading={markAllRead.isPending}
          onClick={() => markAllRead.mutate()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {latest.isError ? <ErrorAlert error={latest.error} title={t('notifications.loadFailed')} /> : null}
      {latest.isPending ? (
        <Flex justify="center" style={{ padding: 16 }}>
          <Spin />
        </Flex>
      ) : latest.data && latest.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflowY: 'auto' }}
          dataSource={latest.data?.items ?? []}
          renderItem={(item) => (
            <List.Item
              key={item.id}
              onClick={() => open(item)}
              style={{ cursor: 'pointer', background: item.readAt ? undefined : '#f0f8f8', paddingInline: 8 }}
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <button
                  type="button"
                  onClick={(event) => {
                    event.stopPropagation();
                    open(item);
                  }}
                  style={{
                    all: 'unset',
                    cursor: 'pointer',
                    fontWeight: item.readAt ? 400 : 600,
                    overflowWrap: 'anywhere',
                  }}
                >
                  {notificationText(item, t)}
                </button>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(item.createdAt)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Popover content={content} trigger="click" placement="bottomRight" open={isOpen} onOpenChange={setIsOpen}>
      <Button
        type="text"
        aria-label={
          unread > 0 ? t('notifications.bellWithCount', { count: unread }) : t('notifications.bell')
        }
        style={{ height: 40, paddingInline: 8 }}
      >
        <Badge count={unread} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}

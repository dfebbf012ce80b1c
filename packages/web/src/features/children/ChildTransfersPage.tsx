import {
  type ChildTransfer,
  ChildTransferStatus,
  childTransferStatusLabels,
  sexLabels,
} from '@tuoitho/domain';
import { Button, Card, Empty, Flex, Grid, Select, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/dates';
import { useLanguage } from './ChildTags';
import { formatDateOfBirth, labelOf, optionsFromLabels } from './childText';
import { type TransferDirection, type TransferStatusFilter, useTransfers } from './lifecycleApi';
import { AcceptTransferModal, CancelTransferModal, DeclineTransferModal } from './TransferDecisionModals';

const statusColors: Record<ChildTransfer['status'], string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'red',
  cancelled: 'default',
};

const directions: readonly TransferDirection[] = ['incoming', 'outgoing'];
const statusFilters: readonly TransferStatusFilter[] = [...ChildTransferStatus.options, 'all'];

type Dialog = { kind: 'accept' | 'decline' | 'cancel'; transfer: ChildTransfer };

function TransferCard({
  transfer,
  onAction,
}: {
  transfer: ChildTransfer;
  onAction: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { child, abilities } = transfer;
  // On a phone the decisions are large, side by side across the card, easy to hit with a thumb.
  const isPhone = !Grid.useBreakpoint().sm;
  const actionProps = isPhone ? ({ size: 'large', style: { flex: 1 } } as const) : {};
  const newPlace = [transfer.newVillage, transfer.newAddress].filter(Boolean).join(', ');
  return (
    <Card size="small" role="listitem">
      <Flex justify="space-between" align="flex-start" gap={8} wrap>
        <div style={{ minWidth: 0 }}>
          {abilities.canOpenChild ? (
            <Link to={`/children/${child.id}`}>
              <Typography.Text strong style={{ color: 'inherit', fontSize: 15 }}>
                {child.fullName}
              </Typography.Text>
            </Link>
          ) : (
            <Typography.Text strong style={{ fontSize: 15 }}>
              {child.fullName}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {[
              labelOf(sexLabels, child.sex, language),
              formatDateOfBirth(child.dateOfBirth),
              child.personalIdMasked
                ? t('transfer.personalIdMasked', { value: child.personalIdMasked })
                : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
        <Tag color={statusColors[transfer.status]} style={{ marginInlineEnd: 0 }}>
          {labelOf(childTransferStatusLabels, transfer.status, language)}
        </Tag>
      </Flex>
      <Flex vertical gap={2} style={{ marginTop: 6 }}>
        <span>{t('transfer.fromTo', { from: transfer.fromUnit.name, to: transfer.toUnit.name })}</span>
        {child.caregiverNames.length > 0 ? (
          <span>{t('transfer.caregivers', { names: child.caregiverNames.join(', ') })}</span>
        ) : null}
        {transfer.reason ? <span>{`${t('transfer.reason')}: ${transfer.reason}`}</span> : null}
        {newPlace ? <span>{`${t('transfer.newPlace')}: ${newPlace}`}</span> : null}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {transfer.requestedBy
            ? t('transfer.requestedBy', {
                date: formatDateTime(transfer.requestedAt),
                name: transfer.requestedBy.fullName,
              })
            : t('transfer.requested', { date: formatDateTime(transfer.requestedAt) })}
        </Typography.Text>
        {transfer.decidedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {transfer.decidedBy
              ? t('transfer.decidedBy', {
                  date: formatDateTime(transfer.decidedAt),
                  name: transfer.decidedBy.fullName,
                })
              : t('transfer.decided', { date: formatDateTime(transfer.decidedAt) })}
            {transfer.decisionNote ? ` — ${transfer.decisionNote}` : ''}
          </Typography.Text>
        ) : null}
        {transfer.status === 'pending' && !abilities.canOpenChild ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('transfer.notYetVisible')}
          </Typography.Text>
        ) : null}
      </Flex>
      {abilities.canAccept || abilities.canDecline || abilities.canCancel ? (
        <Flex gap={8} wrap style={{ marginTop: 10 }}>
          {abilities.canAccept ? (
            <Button {...actionProps} type="primary" onClick={() => onAction({ kind: 'accept', transfer })}>
              {t('transfer.accept')}
            </Button>
          ) : null}
          {abilities.canDecline ? (
            <Button {...actionProps} danger onClick={() => onAction({ kind: 'decline', transfer })}>
              {t('transfer.decline')}
            </Button>
          ) : null}
          {abilities.canCancel ? (
            <Button {...actionProps} onClick={() => onAction({ kind: 'cancel', transfer })}>
              {t('transfer.cancel')}
            </Button>
          ) : null}
        </Flex>
      ) : null}
    </Card>
  );
}

function TransferList({
  direction,
  status,
  onAction,
}: {
  direction: TransferDirection;
  status: TransferStatusFilter;
  onAction: (dialog: Dialog) => void;
}) {
  const { t } = useTranslation();
  const query = useTransfers(direction, status);
  if (query.isPending) return <Spin />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <Empty description={t('transfer.empty')} />;
  return (
    <Flex vertical gap={8}>
      <Flex vertical gap={8} role="list" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
        {items.map((transfer) => (
          <TransferCard key={transfer.id} transfer={transfer} onAction={onAction} />
        ))}
      </Flex>
      {query.hasNextPage ? (
        <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      ) : null}
    </Flex>
  );
}

/** "Chuyển đến / chuyển đi": transfers waiting for the caller's answer, and those the caller sent. */
export default function ChildTransfersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams, setSearchParams] = useSearchParams();
  const [dialog, setDialog] = useState<Dialog>();
  const direction: TransferDirection = searchParams.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const statusParam = searchParams.get('status');
  const status: TransferStatusFilter = (statusFilters as readonly string[]).includes(statusParam ?? '')
    ? (statusParam as TransferStatusFilter)
    : 'pending';
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(searchParams);
    next.set(name, value);
    setSearchParams(next, { replace: true });
  };
  const close = () => setDialog(undefined);

  return (
    <>
      <PageHeader title={t('transfer.title')} intro={t('transfer.intro')} />
      <Card>
        <Tabs
          activeKey={direction}
          onChange={(key) => setParam('direction', key)}
          items={directions.map((key) => ({ key, label: t(`transfer.${key}`) }))}
          tabBarExtraContent={
            <Select<TransferStatusFilter>
              aria-label={t('transfer.statusFilter')}
              value={status}
              onChange={(value) => setParam('status', value)}
              options={[
                ...optionsFromLabels(ChildTransferStatus.options, childTransferStatusLabels, language),
                { value: 'all' as const, label: t('transfer.statusAll') },
              ]}
              style={{ minWidth: 160 }}
            />
          }
        />
        <TransferList direction={direction} status={status} onAction={setDialog} />
      </Card>
      <AcceptTransferModal
        transfer={dialog?.kind === 'accept' ? dialog.transfer : undefined}
        onClose={close}
      />
      <DeclineTransferModal
        transfer={dialog?.kind === 'decline' ? dialog.transfer : undefined}
        onClose={close}
      />
      <CancelTransferModal
        transfer={
          dialog?.kind === 'cancel'
            ? { id: dialog.transfer.id, childName: dialog.transfer.child.fullName }
            : undefined
        }
        onClose={close}
      />
    </>
  );
}

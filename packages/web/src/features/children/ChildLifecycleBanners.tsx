import type { Child, ChildListItem } from '@tuoitho/domain';
import { Alert, Button, Flex, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/dates';
import { showsTurned6Tag } from './childLifecycle';
import { CancelTransferModal } from './TransferDecisionModals';

/** "Đủ 6 tuổi dd/MM/yyyy — hết BHYT trẻ dưới 6 tuổi", for 90 days after the 6th birthday. */
export function Turned6Tag({
  child,
  short = false,
}: {
  child: Pick<Child | ChildListItem, 'turned6On' | 'status'>;
  short?: boolean;
}) {
  const { t } = useTranslation();
  if (!child.turned6On || !showsTurned6Tag(child, todayInVietnam())) return null;
  const date = formatDate(child.turned6On);
  const full = t('turned6.tag', { date });
  // The short form (narrow table column) keeps the whole sentence in its tooltip and name.
  return (
    <Tooltip title={short ? `${full}. ${t('turned6.hint')}` : t('turned6.hint')}>
      <Tag color="cyan" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} aria-label={full}>
        {short ? t('turned6.tagShort', { date }) : full}
      </Tag>
    </Tooltip>
  );
}

/**
 * Above the profile: a record merged into another (with the link to the one kept), or a
 * transfer waiting for the receiving commune (with "Hủy đề nghị" for the sending officer).
 */
export function ChildLifecycleBanners({ child }: { child: Child }) {
  const { t } = useTranslation();
  const [isCancelOpen, setIsCancelOpen] = useState(false);
  const merged = child.mergedInto;
  const pending = child.pendingTransfer;
  if (merged) {
    return (
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('merge.banner', { date: formatDateTime(child.mergedAt) })}
        description={
          <Flex vertical gap={4} align="flex-start">
            <span>{t('merge.bannerText')}</span>
            {merged.fullName ? (
              <Link to={`/children/${merged.id}`}>{t('merge.openSurvivor', { name: merged.fullName })}</Link>
            ) : (
              <span>{t('merge.survivorOutOfScope')}</span>
            )}
          </Flex>
        }
      />
    );
  }
  if (!pending) return null;
  return (
    <>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('transfer.banner.pending', { unit: pending.toUnit.name })}
        description={
          <Flex vertical gap={4} align="flex-start">
            <span>
              {t('transfer.banner.pendingSince', {
                date: formatDateTime(pending.requestedAt),
                by: pending.requestedBy
                  ? t('transfer.banner.by', { name: pending.requestedBy.fullName })
                  : '',
              })}
            </span>
            {pending.reason ? <span>{`${t('transfer.reason')}: ${pending.reason}`}</span> : null}
            {/* Under the text rather than as the alert's action: on a phone that squeezed the text. */}
            {child.abilities.canCancelTransfer ? (
              <Button onClick={() => setIsCancelOpen(true)} style={{ marginTop: 4 }}>
                {t('transfer.cancel')}
              </Button>
            ) : null}
          </Flex>
        }
      />
      <CancelTransferModal
        transfer={isCancelOpen ? { id: pending.id, childName: child.fullName } : undefined}
        onClose={() => setIsCancelOpen(false)}
      />
    </>
  );
}

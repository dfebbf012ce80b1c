import { HomeOutlined, LockOutlined } from '@ant-design/icons';
import { type CasePlacement, placementKindLabels, serviceProviderKindLabels } from '@tuoitho/domain';
import { Alert, Button, Card, Collapse, Descriptions, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useLanguage } from '../../children/ChildTags';
import { labelOf } from '../../children/childText';
import { useCase } from '../api';
import { Art63ChecklistView } from './Art63Checklist';
import type { CasePartTabProps } from './CasePeopleTab';
import { CreatePlacementModal, EndPlacementModal, PlacementVisitModal } from './CasePlacementModals';
import { useCasePlacements } from './partsApi';

function PlacementCard({
  placement,
  canEdit,
  onVisit,
  onEnd,
}: {
  placement: CasePlacement;
  canEdit: boolean;
  onVisit: () => void;
  onEnd: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const carer = placement.carer;
  const isEditable = canEdit && placement.isCurrent;
  return (
    <Card
      size="small"
      data-testid={placement.isCurrent ? 'placement-current' : 'placement-past'}
      title={
        <Flex gap={8} align="center" wrap>
          <HomeOutlined aria-hidden />
          <span>{labelOf(placementKindLabels, placement.kind, language)}</span>
          {placement.isCurrent ? (
            <Tag color="green" style={{ marginInlineEnd: 0 }}>
              {t('caseParts.placements.current')}
            </Tag>
          ) : (
            <Tag style={{ marginInlineEnd: 0 }}>{t('caseParts.placements.past')}</Tag>
          )}
        </Flex>
      }
      extra={
        isEditable ? (
          <Flex gap={8}>
            <Button size="small" onClick={onVisit} data-testid="placement-visit-add">
              {t('caseParts.placements.addVisit')}
            </Button>
            <Button size="small" danger onClick={onEnd} data-testid="placement-end">
              {t('caseParts.placements.end')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          ...(carer
            ? [
                {
                  key: 'carer',
                  label: t('caseParts.placements.carer'),
                  children: [carer.fullName, carer.relationship].filter(Boolean).join(' · '),
                },
                ...(carer.phone || carer.address
                  ? [
                      {
                        key: 'carerContact',
                        span: 'filled' as const,
                        label: `${t('caseParts.placements.carerPhone')} / ${t('caseParts.placements.carerAddress')}`,
                        children: [carer.phone, carer.address].filter(Boolean).join(' · '),
                      },
                    ]
                  : []),
              ]
            : []),
          ...(placement.provider
            ? [
                {
                  key: 'provider',
                  span: 'filled' as const,
                  label: t('caseParts.placements.facility'),
                  children: `${placement.provider.name} · ${labelOf(serviceProviderKindLabels, placement.provider.kind, language)}`,
                },
              ]
            : []),
          {
            key: 'start',
            label: t('caseParts.placements.startDate'),
            children: formatDate(placement.startDate),
          },
          {
            key: 'planned',
            label: t('caseParts.placements.plannedEndDate'),
            children: formatDate(placement.plannedEndDate) || '—',
          },
          ...(placement.endDate
            ? [
                {
                  key: 'end',
                  label: t('caseParts.placements.endDate'),
                  children: formatDate(placement.endDate),
                },
                {
                  key: 'endReason',
                  span: 'filled' as const,
                  label: t('caseParts.placements.endReason'),
                  children: <span style={{ whiteSpace: 'pre-wrap' }}>{placement.endReason}</span>,
                },
              ]
            : []),
        ]}
      />
      <Collapse
        size="small"
        ghost
        defaultActiveKey={placement.isCurrent ? ['visits'] : []}
        items={[
          ...(placement.art63
            ? [
                {
                  key: 'art63',
                  label: t('caseParts.placements.art63'),
                  children: <Art63ChecklistView conditions={placement.art63} />,
                },
              ]
            : []),
          {
            key: 'visits',
            label: `${t('caseParts.placements.visits')} (${placement.visits.length})`,
            children:
              placement.visits.length === 0 ? (
                <Typography.Text type="secondary">{t('caseParts.placements.noVisits')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={[...placement.visits].sort((a, b) => b.visitedOn.localeCompare(a.visitedOn))}
                  renderItem={(visit) => (
                    <List.Item key={visit.id}>
                      <Flex vertical gap={2}>
                        <Typography.Text strong>{formatDate(visit.visitedOn)}</Typography.Text>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{visit.notes}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatDateTime(visit.at)}
                        </Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              ),
          },
        ]}
      />
    </Card>
  );
}

/** "Chăm sóc thay thế" (Luật Trẻ em Điều 62–63): the current and past placements with their visits. */
export function CasePlacementsTab({ caseId, canEdit, readReason }: CasePartTabProps) {
  const { t } = useTranslation();
  const caseQuery = useCase(caseId, readReason);
  const placements = useCasePlacements(caseId, readReason);
  const [isAdding, setIsAdding] = useState(false);
  const [visiting, setVisiting] = useState<CasePlacement | undefined>();
  const [ending, setEnding] = useState<CasePlacement | undefined>();
  const items = [...(placements.data?.items ?? [])].sort(
    (a, b) => Number(b.isCurrent) - Number(a.isCurrent) || b.startDate.localeCompare(a.startDate),
  );
  const hasCurrent = items.some((placement) => placement.isCurrent);

  return (
    <Flex vertical gap={12} data-testid="case-placements-tab">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Typography.Text type="secondary">
          <LockOutlined aria-hidden /> {t('caseParts.confidential')}
        </Typography.Text>
        {canEdit ? (
          <Button
            type="primary"
            icon={<HomeOutlined />}
            disabled={hasCurrent}
            title={hasCurrent ? t('caseParts.placements.currentExists') : undefined}
            onClick={() => setIsAdding(true)}
            data-testid="case-placement-add"
          >
            {t('caseParts.placements.add')}
          </Button>
        ) : null}
      </Flex>
      {canEdit && hasCurrent ? (
        <Alert type="info" showIcon title={t('caseParts.placements.currentExists')} />
      ) : null}
      {placements.isError ? (
        <ErrorAlert error={placements.error} onRetry={() => void placements.refetch()} />
      ) : null}
      {placements.isPending ? (
        <Flex justify="center" style={{ padding: 24 }}>
          <Spin />
        </Flex>
      ) : null}
      {placements.isSuccess && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('caseParts.placements.empty')} />
      ) : null}
      {items.map((placement) => (
        <PlacementCard
          key={placement.id}
          placement={placement}
          canEdit={canEdit}
          onVisit={() => setVisiting(placement)}
          onEnd={() => setEnding(placement)}
        />
      ))}
      {isAdding ? (
        <CreatePlacementModal
          caseId={caseId}
          unitCode={caseQuery.data?.unitCode}
          onClose={() => setIsAdding(false)}
        />
      ) : null}
      {visiting ? (
        <PlacementVisitModal caseId={caseId} placement={visiting} onClose={() => setVisiting(undefined)} />
      ) : null}
      {ending ? (
        <EndPlacementModal caseId={caseId} placement={ending} onClose={() => setEnding(undefined)} />
      ) : null}
    </Flex>
  );
}

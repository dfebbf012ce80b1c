import {
  ArrowLeftOutlined,
  EditOutlined,
  MergeOutlined,
  SendOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import {
  type Child,
  caregiverRelationshipLabels,
  disabilityLevelLabels,
  disabilityTypeLabels,
  enrolmentStatusLabels,
  nutritionStatusLabels,
  povertyStatusLabels,
  sexLabels,
} from '@tuoitho/domain';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Grid,
  Result,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { isApiError } from '../../lib/problem';
import { useSession } from '../auth/api';
import { ChildBenefitsTab } from '../benefits/ChildBenefitsTab';
import { useChild, useEthnicGroups, useSpecialCircumstanceCatalogue } from './api';
import { ChildCasesTab } from './ChildCasesTab';
import { ChildHistory } from './ChildHistory';
import { ChildLifecycleBanners, Turned6Tag } from './ChildLifecycleBanners';
import { ChildMergeModal } from './ChildMergeModal';
import { ChildStatusModal, settableStatuses } from './ChildStatusModal';
import { AtRiskTags, ChildStatusTag, UnverifiedTag, useLanguage } from './ChildTags';
import { ChildTransferModal } from './ChildTransferModal';
import {
  findGroup,
  findSubgroup,
  formatDateOfBirth,
  formatPeriod,
  groupTitle,
  type Language,
  labelOf,
  subgroupName,
} from './childText';

const tabKeys = [
  'identity',
  'household',
  'education',
  'health',
  'special',
  'history',
  'cases',
  'benefits',
] as const;
type TabKey = (typeof tabKeys)[number];

type Item = NonNullable<DescriptionsProps['items']>[number];

/** Shows "—" for what is not recorded, so that a blank is never mistaken for a lost value. */
function shown(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    value
  );
}

function useYesNo() {
  const { t } = useTranslation();
  return (value: boolean | null | undefined) =>
    value === null || value === undefined ? undefined : value ? t('common.yes') : t('common.no');
}

function Details({ items }: { items: Item[] }) {
  const screens = Grid.useBreakpoint();
  return (
    <Descriptions
      bordered
      size="small"
      column={screens.lg ? 2 : 1}
      layout={screens.sm ? 'horizontal' : 'vertical'}
      items={items.map((item) => ({ ...item, children: shown(item.children) }))}
      styles={{ label: { width: screens.sm ? 200 : undefined } }}
    />
  );
}

function IdentityTab({ child, language }: { child: Child; language: Language }) {
  const { t } = useTranslation();
  const ethnicGroups = useEthnicGroups();
  const ethnicity = ethnicGroups.find((group) => group.code === child.ethnicity);
  const registration = child.birthRegistration;
  return (
    <Details
      items={[
        { key: 'fullName', label: t('children.fields.fullName'), children: child.fullName },
        { key: 'sex', label: t('children.fields.sex'), children: labelOf(sexLabels, child.sex, language) },
        {
          key: 'dateOfBirth',
          label: t('children.fields.dateOfBirth'),
          children: (
            <span>
              {formatDateOfBirth(child.dateOfBirth)}
              {child.dateOfBirthPrecision === 'year' ? (
                <Typography.Text type="secondary"> ({t('children.fields.yearOnlyShort')})</Typography.Text>
              ) : null}
            </span>
          ),
        },
        {
          key: 'age',
          label: t('children.fields.age'),
          children: t('children.ageYears', { count: child.ageYears }),
        },
        {
          key: 'personalId',
          label: t('children.fields.personalId'),
          children: child.personalId ? <span className="tt-mono">{child.personalId}</span> : null,
        },
        {
          key: 'ethnicity',
          label: t('children.fields.ethnicity'),
          children: ethnicity ? (language === 'en' ? ethnicity.nameEn : ethnicity.nameVi) : child.ethnicity,
        },
        {
          key: 'birthRegistration',
          label: t('children.fields.birthRegistration'),
          children: registration
            ? registration.registered
              ? t('children.fields.birthRegistered')
              : t('children.fields.birthNotRegistered')
            : null,
        },
        {
          key: 'birthRegistrationDate',
          label: t('children.fields.birthRegistrationDate'),
          children: formatDate(registration?.date),
        },
        {
          key: 'birthRegistrationPlace',
          label: t('children.fields.birthRegistrationPlace'),
          children: registration?.place,
        },
        { key: 'unit', label: t('children.fields.unit'), children: child.unitName },
        { key: 'village', label: t('children.fields.village'), children: child.residence?.village },
        { key: 'address', label: t('children.fields.address'), children: child.residence?.address },
        { key: 'note', label: t('children.fields.note'), children: child.note, span: 'filled' },
        {
          key: 'createdAt',
          label: t('children.fields.createdAt'),
          children: formatDateTime(child.createdAt),
        },
        {
          key: 'updatedAt',
          label: t('children.fields.updatedAt'),
          children: formatDateTime(child.updatedAt),
        },
      ]}
    />
  );
}

function HouseholdTab({ child, language }: { child: Child; language: Language }) {
  const { t } = useTranslation();
  const household = child.household;
  const poverty = household?.povertyStatus
    ? `${labelOf(povertyStatusLabels, household.povertyStatus, language)}${
        household.povertyYear ? ` (${t('children.fields.reviewYear', { year: household.povertyYear })})` : ''
      }`
    : null;
  return (
    <Flex vertical gap={16}>
      <Details
        items={[
          { key: 'headName', label: t('children.fields.headName'), children: household?.headName },
          {
            key: 'membersCount',
            label: t('children.fields.membersCount'),
            children: household?.membersCount,
          },
          {
            key: 'phone',
            label: t('children.fields.householdPhone'),
            children: household?.phone ? <a href={`tel:${household.phone}`}>{household.phone}</a> : null,
          },
          { key: 'poverty', label: t('children.fields.povertyStatus'), children: poverty },
        ]}
      />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('children.fields.caregivers')}
      </Typography.Title>
      {child.caregivers.length === 0 ? (
        <Typography.Text type="secondary">{t('children.profile.noCaregivers')}</Typography.Text>
      ) : (
        <Flex gap={12} wrap>
          {child.caregivers.map((caregiver) => (
            <Card
              key={`${caregiver.relationship}|${caregiver.fullName}|${caregiver.phone ?? ''}`}
              size="small"
              style={{ flex: '1 1 260px', maxWidth: 420 }}
            >
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{caregiver.fullName}</Typography.Text>
                {caregiver.isGuardian ? <Tag color="purple">{t('children.fields.guardian')}</Tag> : null}
              </Flex>
              <div>{labelOf(caregiverRelationshipLabels, caregiver.relationship, language)}</div>
              {caregiver.phone ? <a href={`tel:${caregiver.phone}`}>{caregiver.phone}</a> : null}
            </Card>
          ))}
        </Flex>
      )}
    </Flex>
  );
}

function EducationTab({ child, language }: { child: Child; language: Language }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const education = child.education;
  return (
    <Details
      items={[
        { key: 'school', label: t('children.fields.school'), children: education?.school },
        { key: 'grade', label: t('children.fields.grade'), children: education?.grade },
        {
          key: 'enrolmentStatus',
          label: t('children.fields.enrolmentStatus'),
          children: labelOf(enrolmentStatusLabels, education?.enrolmentStatus, language),
        },
        {
          key: 'atRiskOfDropout',
          label: t('children.fields.atRiskOfDropout'),
          children: yesNo(education?.atRiskOfDropout),
        },
      ]}
    />
  );
}

function HealthTab({ child, language }: { child: Child; language: Language }) {
  const { t } = useTranslation();
  const yesNo = useYesNo();
  const health = child.health;
  const validity =
    health?.insuranceValidFrom || health?.insuranceValidTo
      ? `${formatDate(health.insuranceValidFrom) || '…'} – ${formatDate(health.insuranceValidTo) || '…'}`
      : null;
  return (
    <Details
      items={[
        {
          key: 'insuranceCardNumber',
          label: t('children.fields.insuranceCardNumber'),
          children: health?.insuranceCardNumber ? (
            <span className="tt-mono">{health.insuranceCardNumber}</span>
          ) : null,
        },
        { key: 'insuranceValidity', label: t('children.fields.insuranceValidity'), children: validity },
        {
          key: 'disabilityType',
          label: t('children.fields.disabilityType'),
          children: health?.disability
            ? labelOf(disabilityTypeLabels, health.disability.type, language)
            : null,
        },
        {
          key: 'disabilityLevel',
          label: t('children.fields.disabilityLevel'),
          children: health?.disability?.level
            ? labelOf(disabilityLevelLabels, health.disability.level, language)
            : health?.disability
              ? t('children.profile.notAssessed')
              : null,
        },
        {
          key: 'seriousIllness',
          label: t('children.fields.seriousIllness'),
          children: yesNo(health?.seriousIllness),
        },
        { key: 'illnessNote', label: t('children.fields.illnessNote'), children: health?.illnessNote },
        {
          key: 'nutritionStatus',
          label: t('children.fields.nutritionStatus'),
          children: health?.nutritionStatus
            ? `${labelOf(nutritionStatusLabels, health.nutritionStatus, language)}${
                health.nutritionAssessedOn ? ` (${formatDate(health.nutritionAssessedOn)})` : ''
              }`
            : null,
        },
        {
          key: 'immunisationComplete',
          label: t('children.fields.immunisationComplete'),
          children: yesNo(health?.immunisationComplete),
        },
      ]}
    />
  );
}

function SpecialTab({ child, language }: { child: Child; language: Language }) {
  const { t } = useTranslation();
  const catalogue = useSpecialCircumstanceCatalogue();
  return (
    <Flex vertical gap={16}>
      {child.specialCircumstances.length === 0 ? (
        <Typography.Text type="secondary">{t('children.profile.noCircumstances')}</Typography.Text>
      ) : (
        child.specialCircumstances.map((entry) => {
          const group = findGroup(catalogue, entry.group);
          const subgroup = findSubgroup(catalogue, entry.subgroup);
          return (
            <Card
              key={entry.id}
              size="small"
              title={
                <Flex gap={8} align="center" wrap style={{ whiteSpace: 'normal', paddingBlock: 6 }}>
                  <span>{groupTitle(catalogue, entry.group, language)}</span>
                  {group && !group.verified ? <UnverifiedTag /> : null}
                </Flex>
              }
              extra={
                entry.isCurrent ? (
                  <Tag color="volcano">{t('children.profile.current')}</Tag>
                ) : (
                  <Tag>{t('children.profile.ended')}</Tag>
                )
              }
            >
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'subgroup',
                    label: t('children.fields.subgroup'),
                    children: shown(
                      subgroup ? (
                        <Flex gap={8} align="center" wrap>
                          <span>{subgroupName(subgroup, language)}</span>
                          {!subgroup.verified ? <UnverifiedTag /> : null}
                        </Flex>
                      ) : (
                        entry.subgroup
                      ),
                    ),
                  },
                  {
                    key: 'period',
                    label: t('children.fields.period'),
                    children: formatPeriod(entry.startDate, entry.endDate, t('common.present')),
                  },
                  { key: 'source', label: t('children.fields.source'), children: shown(entry.source) },
                  {
                    key: 'confirmedBy',
                    label: t('children.fields.confirmedBy'),
                    children: shown(
                      entry.confirmedBy
                        ? `${entry.confirmedBy.fullName}${entry.confirmedAt ? `, ${formatDateTime(entry.confirmedAt)}` : ''}`
                        : null,
                    ),
                  },
                  ...(entry.note
                    ? [{ key: 'note', label: t('children.fields.note'), children: entry.note }]
                    : []),
                ]}
              />
            </Card>
          );
        })
      )}
      <div>
        <Typography.Title level={5}>{t('children.fields.atRisk')}</Typography.Title>
        {child.atRisk.length > 0 ? (
          <AtRiskTags flags={child.atRisk} />
        ) : (
          <Typography.Text type="secondary">{t('children.profile.noAtRisk')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}

/** The child's profile: identity, household, education, health, special circumstances, history. */
export default function ChildProfilePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const query = useChild(id);
  const navigate = useNavigate();
  const [isStatusOpen, setIsStatusOpen] = useState(false);
  const [isTransferOpen, setIsTransferOpen] = useState(false);
  const [isMergeOpen, setIsMergeOpen] = useState(false);
  const canSeeCases = useSession().user.permissions.includes('cases.read');
  const canSeeBenefits = useSession().user.permissions.includes('benefits.read');
  const tabParam = searchParams.get('tab');
  const tab: TabKey = (tabKeys as readonly string[]).includes(tabParam ?? '')
    ? (tabParam as TabKey)
    : 'identity';
  const from = searchParams.get('from');
  const backTo = `/children${from ? `?${from}` : ''}`;

  const back = (
    <Link to={backTo} style={{ display: 'inline-block', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('children.profile.backToList')}
    </Link>
  );

  if (query.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
      return (
        <Result
          status="404"
          title={t('children.profile.notFound')}
          subTitle={t('children.profile.notFoundText')}
          extra={back}
        />
      );
    }
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const child = query.data;
  // While another commune is asked to take the child over, it leaves only through that transfer.
  const canChangeStatus =
    child.abilities.canEdit && settableStatuses(child).length > 0 && child.pendingTransfer === null;

  const tabs = [
    {
      key: 'identity',
      label: t('children.tabs.identity'),
      children: <IdentityTab child={child} language={language} />,
    },
    {
      key: 'household',
      label: t('children.tabs.household'),
      children: <HouseholdTab child={child} language={language} />,
    },
    {
      key: 'education',
      label: t('children.tabs.education'),
      children: <EducationTab child={child} language={language} />,
    },
    {
      key: 'health',
      label: t('children.tabs.health'),
      children: <HealthTab child={child} language={language} />,
    },
    {
      key: 'special',
      label: (
        <span>
          {t('children.tabs.special')}
          {child.specialCircumstances.some((entry) => entry.isCurrent) ? (
            <Tag color="volcano" style={{ marginInlineStart: 6, marginInlineEnd: 0 }}>
              {child.specialCircumstances.filter((entry) => entry.isCurrent).length}
            </Tag>
          ) : null}
        </span>
      ),
      children: <SpecialTab child={child} language={language} />,
    },
    { key: 'history', label: t('children.tabs.history'), children: <ChildHistory childId={child.id} /> },
    ...(canSeeCases
      ? [{ key: 'cases', label: t('children.tabs.cases'), children: <ChildCasesTab childId={child.id} /> }]
      : []),
    ...(canSeeBenefits
      ? [
          {
            key: 'benefits',
            label: t('benefits.child.tab'),
            children: <ChildBenefitsTab childId={child.id} childName={child.fullName} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {back}
      <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
        <div style={{ minWidth: 0 }}>
          <Flex align="center" gap={8} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="child-name">
              {child.fullName}
            </Typography.Title>
            {/* A merged record keeps its last status, but only the survivor is followed. */}
            {child.mergedInto ? (
              <Tag style={{ marginInlineEnd: 0 }}>{t('merge.tag')}</Tag>
            ) : (
              <>
                <ChildStatusTag status={child.status} />
                <Turned6Tag child={child} />
              </>
            )}
          </Flex>
          <Typography.Text type="secondary">
            {[
              labelOf(sexLabels, child.sex, language),
              `${formatDateOfBirth(child.dateOfBirth)} (${t('children.ageYears', { count: child.ageYears })})`,
              child.residence?.village,
              child.unitName,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </div>
        <Flex gap={8} wrap>
          {child.abilities.canEdit ? (
            <Button
              type="primary"
              icon={<EditOutlined />}
              onClick={() =>
                navigate(`/children/${child.id}/edit${from ? `?from=${encodeURIComponent(from)}` : ''}`)
              }
            >
              {t('children.edit')}
            </Button>
          ) : null}
          {canChangeStatus ? (
            <Button icon={<SwapOutlined />} onClick={() => setIsStatusOpen(true)}>
              {t('children.status.change')}
            </Button>
          ) : null}
          {child.abilities.canTransfer ? (
            <Button icon={<SendOutlined />} onClick={() => setIsTransferOpen(true)}>
              {t('transfer.request.button')}
            </Button>
          ) : null}
          {child.abilities.canMerge ? (
            <Button icon={<MergeOutlined />} onClick={() => setIsMergeOpen(true)}>
              {t('merge.button')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <ChildLifecycleBanners child={child} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            const next = new URLSearchParams(searchParams);
            next.set('tab', key);
            setSearchParams(next, { replace: true });
          }}
          items={tabs}
        />
      </Card>
      <ChildStatusModal
        child={child}
        open={isStatusOpen}
        onClose={() => setIsStatusOpen(false)}
        onReload={() => void query.refetch()}
      />
      <ChildTransferModal child={child} open={isTransferOpen} onClose={() => setIsTransferOpen(false)} />
      <ChildMergeModal child={child} open={isMergeOpen} onClose={() => setIsMergeOpen(false)} />
    </>
  );
}

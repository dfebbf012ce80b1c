import {
  AtRiskFlag,
  atRiskFlagLabels,
  ChildStatus,
  childStatusLabels,
  DisabilityType,
  disabilityTypeLabels,
  EnrolmentStatus,
  enrolmentStatusLabels,
  MAX_RECORD_AGE,
  Sex,
  sexLabels,
  TURNED_6_RECENT_DAYS,
} from '@tuoitho/domain';
import { Col, Flex, InputNumber, Row, Select, Space, Tag, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietnam } from '../../lib/dates';
import { useSession } from '../auth/api';
import { useUnit } from '../units/api';
import { useSpecialCircumstanceCatalogue } from './api';
import { useLanguage } from './ChildTags';
import type { AtRiskFilter, ChildFilters, DisabilityFilter, GroupFilter, StatusFilter } from './childFilters';
import { groupTitle, labelOf, optionsFromLabels, sortKey } from './childText';
import { UnitCodePicker } from './UnitCodePicker';

function FilterField({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={8} xxl={6}>
      <label
        htmlFor={id}
        style={{ display: 'block', fontSize: 13, color: 'rgba(0,0,0,0.65)', marginBottom: 2 }}
      >
        {label}
      </label>
      {children}
    </Col>
  );
}

interface ChildFiltersBarProps {
  filters: ChildFilters;
  onChange: (filters: ChildFilters) => void;
}

/** The filters of the children list; every change goes to the URL (see `childFilters.ts`). */
export function ChildFiltersBar({ filters, onChange }: ChildFiltersBarProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const catalogue = useSpecialCircumstanceCatalogue();
  const set = (patch: Partial<ChildFilters>) => onChange({ ...filters, ...patch });

  const groupOptions = [
    { value: 'any' as GroupFilter, label: t('children.filters.groupAny') },
    ...catalogue.groups.map((group) => ({
      value: group.code as GroupFilter,
      label: groupTitle(catalogue, group.code, language),
    })),
  ];
  const atRiskOptions: Array<{ value: AtRiskFilter; label: string }> = [
    { value: 'any', label: t('children.filters.atRiskAny') },
    ...optionsFromLabels(AtRiskFlag.options, atRiskFlagLabels, language),
  ];
  const disabilityOptions: Array<{ value: DisabilityFilter; label: string }> = [
    { value: 'any', label: t('children.filters.disabilityAny') },
    { value: 'none', label: t('children.filters.disabilityNone') },
    ...optionsFromLabels(DisabilityType.options, disabilityTypeLabels, language),
  ];
  const statusOptions: Array<{ value: StatusFilter; label: string }> = [
    ...optionsFromLabels(ChildStatus.options, childStatusLabels, language),
    { value: 'all', label: t('children.filters.statusAll') },
  ];
  const ageField = (which: 'ageFrom' | 'ageTo') => (
    <InputNumber<number>
      id={`children-filter-${which}`}
      aria-label={t(`children.filters.${which}`)}
      placeholder={t(`children.filters.${which}`)}
      min={0}
      max={MAX_RECORD_AGE}
      precision={0}
      inputMode="numeric"
      value={filters[which] ?? null}
      onChange={(age) => set({ [which]: age ?? undefined })}
      style={{ width: '50%' }}
    />
  );

  return (
    <Row gutter={[12, 8]}>
      <FilterField id="children-filter-unit" label={t('children.filters.unit')}>
        <UnitCodePicker
          id="children-filter-unit"
          value={filters.unit}
          onChange={(unit) => set({ unit })}
          within={user.unit.code}
          allowClear
          placeholder={t('children.filters.unitPlaceholder')}
        />
      </FilterField>
      <FilterField id="children-filter-ageFrom" label={t('children.filters.age')}>
        <Space.Compact style={{ width: '100%' }}>
          {ageField('ageFrom')}
          {ageField('ageTo')}
        </Space.Compact>
      </FilterField>
      <FilterField id="children-filter-sex" label={t('children.fields.sex')}>
        <Select<Sex>
          id="children-filter-sex"
          allowClear
          placeholder={t('common.all')}
          value={filters.sex}
          onChange={(sex) => set({ sex })}
          options={optionsFromLabels(Sex.options, sexLabels, language)}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-group" label={t('children.filters.group')}>
        <Select<GroupFilter[]>
          id="children-filter-group"
          mode="multiple"
          allowClear
          placeholder={t('common.all')}
          value={filters.group ?? []}
          onChange={(group) => set({ group })}
          options={groupOptions}
          showSearch={{ optionFilterProp: 'label' }}
          maxTagCount="responsive"
          tagRender={({ value, closable, onClose }) => {
            const option = groupOptions.find((candidate) => candidate.value === value);
            return (
              <Tooltip title={option?.label}>
                <Tag closable={closable} onClose={onClose} style={{ marginInlineEnd: 4 }}>
                  {value === 'any' ? t('children.filters.groupAnyShort') : String(value)}
                </Tag>
              </Tooltip>
            );
          }}
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { maxWidth: 'min(520px, 96vw)' } } }}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-atRisk" label={t('children.filters.atRisk')}>
        <Select<AtRiskFilter[]>
          id="children-filter-atRisk"
          mode="multiple"
          allowClear
          placeholder={t('common.all')}
          value={filters.atRisk ?? []}
          onChange={(atRisk) => set({ atRisk })}
          options={atRiskOptions}
          showSearch={{ optionFilterProp: 'label' }}
          maxTagCount="responsive"
          popupMatchSelectWidth={false}
          styles={{ popup: { root: { maxWidth: 'min(420px, 96vw)' } } }}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-schoolStatus" label={t('children.fields.enrolmentStatus')}>
        <Select<EnrolmentStatus>
          id="children-filter-schoolStatus"
          allowClear
          placeholder={t('common.all')}
          value={filters.schoolStatus}
          onChange={(schoolStatus) => set({ schoolStatus })}
          options={optionsFromLabels(EnrolmentStatus.options, enrolmentStatusLabels, language)}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-disability" label={t('children.filters.disability')}>
        <Select<DisabilityFilter>
          id="children-filter-disability"
          allowClear
          placeholder={t('common.all')}
          value={filters.disability}
          onChange={(disability) => set({ disability })}
          options={disabilityOptions}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-turned6" label={t('turned6.filter')}>
        <Select<'recent'>
          id="children-filter-turned6"
          allowClear
          placeholder={t('common.all')}
          value={filters.turned6}
          onChange={(turned6) => set({ turned6 })}
          options={[{ value: 'recent', label: t('turned6.filterRecent', { days: TURNED_6_RECENT_DAYS }) }]}
          style={{ width: '100%' }}
        />
      </FilterField>
      <FilterField id="children-filter-status" label={t('children.filters.status')}>
        <Select<StatusFilter>
          id="children-filter-status"
          value={filters.status}
          onChange={(status) => set({ status })}
          options={statusOptions}
          style={{ width: '100%' }}
        />
      </FilterField>
    </Row>
  );
}

/** The filters in words, as tags: "Tuổi: 6–10", "Nhóm: a, đ"… (shown before saving a filter). */
export function FilterSummary({ filters }: { filters: ChildFilters }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unit = useUnit(filters.unit, todayInVietnam());
  const sortLabel = filters.sort ? t(`children.sort.${sortKey(filters.sort)}`) : undefined;
  const ages =
    filters.ageFrom !== undefined || filters.ageTo !== undefined
      ? `${filters.ageFrom ?? 0}–${filters.ageTo ?? MAX_RECORD_AGE}`
      : undefined;
  const parts: Array<[string, string | undefined]> = [
    [t('children.filters.search'), filters.q],
    [t('children.filters.unit'), filters.unit ? (unit.data?.fullName ?? filters.unit) : undefined],
    [t('children.filters.age'), ages],
    [t('children.fields.sex'), filters.sex ? labelOf(sexLabels, filters.sex, language) : undefined],
    [
      t('children.filters.group'),
      filters.group?.map((group) => (group === 'any' ? t('children.filters.groupAny') : group)).join(', '),
    ],
    [
      t('children.filters.atRisk'),
      filters.atRisk
        ?.map((flag) =>
          flag === 'any' ? t('children.filters.atRiskAny') : labelOf(atRiskFlagLabels, flag, language),
        )
        .join(', '),
    ],
    [
      t('children.fields.enrolmentStatus'),
      filters.schoolStatus ? labelOf(enrolmentStatusLabels, filters.schoolStatus, language) : undefined,
    ],
    [
      t('children.filters.disability'),
      filters.disability === 'any'
        ? t('children.filters.disabilityAny')
        : filters.disability === 'none'
          ? t('children.filters.disabilityNone')
          : filters.disability
            ? labelOf(disabilityTypeLabels, filters.disability, language)
            : undefined,
    ],
    [
      t('turned6.filter'),
      filters.turned6 ? t('turned6.filterRecent', { days: TURNED_6_RECENT_DAYS }) : undefined,
    ],
    [
      t('children.filters.status'),
      filters.status === 'all'
        ? t('children.filters.statusAll')
        : labelOf(childStatusLabels, filters.status, language),
    ],
    [t('children.filters.sort'), sortLabel],
  ];
  return (
    <Flex gap={6} wrap>
      {parts
        .filter((part): part is [string, string] => Boolean(part[1]))
        .map(([name, value]) => (
          <Tag key={name} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {name}: {value}
          </Tag>
        ))}
    </Flex>
  );
}

import {
  CF_UNVERIFIED_LABEL,
  type CfAssessmentStatus,
  type CfUnitCategory,
  cfAssessmentStatusLabels,
  cfUnitCategories,
} from '@tuoitho/domain';
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';

const statusColors: Record<CfAssessmentStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  reviewed: 'purple',
  recognised: 'green',
  returned: 'orange',
};

export function CfStatusTag({ status, testId }: { status: CfAssessmentStatus; testId?: string }) {
  const language = useLanguage();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }} data-testid={testId}>
      {labelOf(cfAssessmentStatusLabels, status, language)}
    </Tag>
  );
}

/** "Đạt" / "Chưa đạt" against the pass rules (not the same as recognised). */
export function PassedTag({ passed, testId }: { passed: boolean; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={passed ? 'success' : 'error'}
      style={{ marginInlineEnd: 0 }}
      data-testid={testId}
      data-passed={passed ? 'true' : 'false'}
    >
      {passed ? t('childFriendly.passed') : t('childFriendly.failed')}
    </Tag>
  );
}

/** "chưa xác minh": the item is not confirmed against the Decision's text. */
export function UnverifiedTag() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Tooltip title={t('childFriendly.unverifiedHelp')}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {CF_UNVERIFIED_LABEL[language]}
      </Tag>
    </Tooltip>
  );
}

export function CategoryText({ category }: { category: CfUnitCategory }) {
  const language = useLanguage();
  const definition = cfUnitCategories[category];
  return (
    <Tooltip title={definition.legalRef}>
      <span>{definition.label[language]}</span>
    </Tooltip>
  );
}

/** "Số 12/QĐ-UBND ngày 15/12/2025", or nothing. */
export function DecisionText({ number, date }: { number: string | null; date: string | null }) {
  const { t } = useTranslation();
  if (!number) return null;
  return <span>{t('childFriendly.decisionText', { number, date: formatDate(date) })}</span>;
}

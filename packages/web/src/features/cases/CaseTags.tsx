import {
  type CaseDeadline,
  type CaseStatus,
  type ClockState,
  type ConcernType,
  caseStatusLabels,
  clockStateLabels,
  concernTypeLabels,
  type IntakeUrgency,
  intakeUrgencyLabels,
} from '@tuoitho/domain';
import { DatePicker, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { dayjs, formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { labelOf } from '../children/childText';
import { isoToVnWallClock, vnWallClockToIso } from './caseActions';
import { caseStatusColors, clockStepName, clockTagColor, urgencyColors } from './caseText';

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const language = useLanguage();
  return (
    <Tag color={caseStatusColors[status]} style={{ marginInlineEnd: 0 }} data-testid="case-status">
      {labelOf(caseStatusLabels, status, language)}
    </Tag>
  );
}

export function UrgencyTag({ urgency }: { urgency: IntakeUrgency }) {
  const language = useLanguage();
  return (
    <Tag color={urgencyColors[urgency]} style={{ marginInlineEnd: 0 }}>
      {labelOf(intakeUrgencyLabels, urgency, language)}
    </Tag>
  );
}

export function ClockStateTag({ state }: { state: ClockState }) {
  const language = useLanguage();
  return (
    <Tag color={clockTagColor(state)} style={{ marginInlineEnd: 0 }}>
      {labelOf(clockStateLabels, state, language)}
    </Tag>
  );
}

/** "Chưa xác minh": the legal basis of the deadline's amount is not confirmed; the reference in a tooltip. */
export function UnverifiedDeadlineTag({ legalRef }: { legalRef: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={`${t('cases.clocks.unverifiedHint')} ${legalRef}`}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }} tabIndex={0}>
        {t('cases.clocks.unverified')}
      </Tag>
    </Tooltip>
  );
}

export function concernsText(concerns: readonly ConcernType[], language: 'vi' | 'en'): string {
  return concerns.map((concern) => labelOf(concernTypeLabels, concern, language)).join(', ');
}

/** The next deadline of a list row: step, due time and its state. */
export function NextDeadline({ deadline }: { deadline: CaseDeadline | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!deadline)
    return <Typography.Text type="secondary">{t('cases.list.noRunningDeadline')}</Typography.Text>;
  return (
    <div>
      <div style={{ fontSize: 12 }}>{clockStepName(deadline.step, language)}</div>
      <span style={{ whiteSpace: 'nowrap', marginInlineEnd: 6 }}>{formatDateTime(deadline.dueAt)}</span>
      <ClockStateTag state={deadline.state} />
    </div>
  );
}

export interface IsoDateTimePickerProps {
  /** ISO 8601 with `+07:00`; the value the API takes. Shown as dd/MM/yyyy HH:mm, Vietnam time. */
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  id?: string;
  /** Refuse instants after now (when a report was received). */
  notAfterNow?: boolean;
  'aria-label'?: string;
}

const PICKER_FORMAT = 'DD/MM/YYYY HH:mm';

/**
 * A date and time picker on Vietnam's wall clock, whatever the browser's zone: the picker shows
 * the local date and time in Viet Nam and gives back an instant with `+07:00`.
 */
export function IsoDateTimePicker({
  value,
  onChange,
  id,
  notAfterNow,
  'aria-label': ariaLabel,
}: IsoDateTimePickerProps) {
  const wall = value ? isoToVnWallClock(value) : undefined;
  const now = isoToVnWallClock(new Date().toISOString());
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      showTime={{ format: 'HH:mm' }}
      format={PICKER_FORMAT}
      placeholder="dd/mm/yyyy hh:mm"
      value={wall ? dayjs(`${wall.date} ${wall.time}`, 'YYYY-MM-DD HH:mm') : null}
      onChange={(date) =>
        onChange?.(date ? vnWallClockToIso(date.format('YYYY-MM-DD'), date.format('HH:mm')) : null)
      }
      disabledDate={notAfterNow ? (date) => date.format('YYYY-MM-DD') > now.date : undefined}
      style={{ width: '100%' }}
    />
  );
}

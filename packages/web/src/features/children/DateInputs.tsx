import { DatePicker, Flex, InputNumber, Switch } from 'antd';
import { type CSSProperties, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_DATE_FORMAT, DATE_FORMAT, dayjs, todayInVietnam } from '../../lib/dates';

/** Typed dates: 04/03/2015, 4/3/2015 or 04032015; shown as dd/MM/yyyy. */
const INPUT_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY', 'D-M-YYYY'];
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

export interface IsoDatePickerProps {
  /** `YYYY-MM-DD`; the value the API takes, so the form holds it as it is sent. */
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  id?: string;
  /** Refuse days after today (births, registrations, assessments). */
  notAfterToday?: boolean;
  placeholder?: string;
  disabled?: boolean;
  'aria-label'?: string;
  style?: CSSProperties;
}

/** A date picker whose value is an API date string, typed or picked, shown dd/MM/yyyy. */
export function IsoDatePicker({
  value,
  onChange,
  id,
  notAfterToday,
  placeholder,
  disabled,
  style,
  'aria-label': ariaLabel,
}: IsoDatePickerProps) {
  const today = todayInVietnam();
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      value={value && FULL_DATE.test(value) ? dayjs(value, API_DATE_FORMAT) : null}
      onChange={(date) => onChange?.(date ? date.format(API_DATE_FORMAT) : null)}
      format={INPUT_FORMATS}
      disabled={disabled}
      placeholder={placeholder ?? 'dd/mm/yyyy'}
      disabledDate={notAfterToday ? (date) => date.format(API_DATE_FORMAT) > today : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

export interface DateOfBirthInputProps {
  /** `YYYY-MM-DD`, or `YYYY` when only the year of birth is known (the API's `dateOfBirth`). */
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  id?: string;
}

/**
 * Date of birth, or only the year with the "chỉ biết năm sinh" switch (officers often know no
 * more at first contact). Switching keeps the year of a date already entered.
 */
export function DateOfBirthInput({ value, onChange, id }: DateOfBirthInputProps) {
  const { t } = useTranslation();
  const [isYearOnly, setIsYearOnly] = useState(() => Boolean(value && YEAR.test(value)));
  const thisYear = Number(todayInVietnam().slice(0, 4));

  // A value set from outside (an edited child, a reload) decides the mode.
  useEffect(() => {
    if (value && FULL_DATE.test(value)) setIsYearOnly(false);
    else if (value && YEAR.test(value)) setIsYearOnly(true);
  }, [value]);

  const toggle = (yearOnly: boolean) => {
    setIsYearOnly(yearOnly);
    if (yearOnly && value && FULL_DATE.test(value)) onChange?.(value.slice(0, 4));
    if (!yearOnly && value && YEAR.test(value)) onChange?.(undefined);
  };

  const switchId = `${id ?? 'dateOfBirth'}_yearOnly`;
  return (
    <Flex gap={12} align="center" wrap>
      <div style={{ flex: '1 1 160px', maxWidth: 220 }}>
        {isYearOnly ? (
          <InputNumber<number>
            id={id}
            value={value && /^\d+$/.test(value) ? Number(value) : null}
            onChange={(year) => onChange?.(year === null ? undefined : String(year))}
            min={1900}
            max={thisYear}
            controls={false}
            precision={0}
            inputMode="numeric"
            placeholder={t('children.form.yearPlaceholder')}
            style={{ width: '100%' }}
          />
        ) : (
          <IsoDatePicker
            id={id}
            value={value}
            onChange={(date) => onChange?.(date ?? undefined)}
            notAfterToday
          />
        )}
      </div>
      <Flex gap={8} align="center">
        <Switch id={switchId} size="small" checked={isYearOnly} onChange={toggle} />
        <label htmlFor={switchId} style={{ cursor: 'pointer' }}>
          {t('children.fields.yearOnly')}
        </label>
      </Flex>
    </Flex>
  );
}

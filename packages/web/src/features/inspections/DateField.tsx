import { DatePicker } from 'antd';
import type { CSSProperties } from 'react';
import { API_DATE_FORMAT, DATE_FORMAT, dayjs, todayInVietnam } from '../../lib/dates';

const INPUT_FORMATS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY', 'D-M-YYYY'];
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface DateFieldProps {
  /** `YYYY-MM-DD`, the value the API takes. */
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  id?: string;
  notAfterToday?: boolean;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** A date picker of API dates shown dd/MM/yyyy, with a test id on its input. */
export function DateField({
  value,
  onChange,
  id,
  notAfterToday,
  disabled,
  allowClear = true,
  style,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: DateFieldProps) {
  const today = todayInVietnam();
  return (
    <DatePicker
      id={id}
      aria-label={ariaLabel}
      data-testid={testId}
      value={value && FULL_DATE.test(value) ? dayjs(value, API_DATE_FORMAT) : null}
      onChange={(date) => onChange?.(date ? date.format(API_DATE_FORMAT) : null)}
      format={INPUT_FORMATS}
      disabled={disabled}
      allowClear={allowClear}
      placeholder="dd/mm/yyyy"
      disabledDate={notAfterToday ? (date) => date.format(API_DATE_FORMAT) > today : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

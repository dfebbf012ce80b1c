import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  defaultHolidayYear,
  type HolidayDay,
  type HolidayDayKind,
  type HolidayYearView,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Flex,
  Input,
  InputNumber,
  Select,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { API_DATE_FORMAT, DATE_FORMAT, dayjs, formatDate, todayInVietnam } from '../../lib/dates';
import { isApiError } from '../../lib/problem';
import { useHolidayYear, useResetHolidayYear, useSaveHolidayYear } from './api';

const KINDS: HolidayDayKind[] = ['holiday', 'compensatory', 'working_weekend'];
type DraftDay = { key: number; date: string | null; name: string; kind: HolidayDayKind };

function weekdayIndex(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** "Ngày nghỉ lễ, Tết": pick a year, see its days off against the default rules, edit and save. */
export default function HolidaysPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const query = useHolidayYear(year);

  return (
    <>
      <PageHeader title={t('holidays.title')} intro={t('holidays.intro')} />
      <Card>
        <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
          <label htmlFor="holiday-year">{t('holidays.year')}</label>
          <InputNumber
            id="holiday-year"
            min={1900}
            max={2199}
            value={year}
            onChange={(value) => (typeof value === 'number' ? setYear(value) : undefined)}
          />
          {query.data ? (
            query.data.isDefault ? (
              <Tag>{t('holidays.default')}</Tag>
            ) : (
              <Tag color="blue">{t('holidays.stored', { version: query.data.version })}</Tag>
            )
          ) : null}
        </Flex>
        {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
        {query.isPending ? (
          <Flex justify="center" style={{ padding: 32 }}>
            <Spin />
          </Flex>
        ) : query.data ? (
          <HolidayYearEditor
            key={`${year}:${query.data.version ?? 'default'}:${query.dataUpdatedAt}`}
            view={query.data}
          />
        ) : null}
      </Card>
    </>
  );
}

function HolidayYearEditor({ view }: { view: HolidayYearView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const year = view.year;
  const save = useSaveHolidayYear(year);
  const reset = useResetHolidayYear(year);
  const [days, setDays] = useState<DraftDay[]>(() => view.days.map((day, key) => ({ key, ...day })));
  const [source, setSource] = useState(view.source);
  const [verified, setVerified] = useState(view.verified);
  const defaults = useMemo(() => defaultHolidayYear(year).days, [year]);
  const isDefaultDay = (day: DraftDay) =>
    defaults.some((candidate) => candidate.date === day.date && candidate.kind === day.kind);
  const missingDefaults = defaults.filter((candidate) => !days.some((day) => day.date === candidate.date));

  const update = (key: number, change: Partial<DraftDay>) =>
    setDays((current) => current.map((day) => (day.key === key ? { ...day, ...change } : day)));
  const sorted = [...days].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));

  const onSave = () => {
    const complete = days.filter((day): day is DraftDay & { date: string } => day.date !== null);
    const request = {
      days: complete.map(({ date, name, kind }): HolidayDay => ({ date, name: name.trim(), kind })),
      source: source.trim(),
      verified,
      version: view.version ?? 0,
    };
    save.mutate(request, {
      onSuccess: () => void message.success(t('holidays.saved', { year })),
      onError: (error) => {
        if (isApiError(error) && error.status === 409) void message.warning(t('holidays.stale'));
      },
    });
  };

  const onReset = () =>
    void modal.confirm({
      title: t('holidays.resetTitle', { year }),
      content: t('holidays.resetText'),
      okText: t('holidays.reset'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        reset
          .mutateAsync(view.version ?? 1)
          .then(() => void message.success(t('holidays.resetDone', { year }))),
    });

  const fieldErrors = isApiError(save.error)
    ? save.error.fieldErrors.map((e) => `${e.path}: ${e.message}`)
    : [];
  const hasIncomplete = days.some((day) => day.date === null || day.name.trim() === '');

  return (
    <Flex vertical gap={16}>
      <Table<DraftDay>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={sorted}
        scroll={{ x: 760 }}
        columns={[
          {
            title: t('holidays.date'),
            key: 'date',
            width: 170,
            render: (_, day) => (
              <DatePicker
                aria-label={t('holidays.date')}
                format={DATE_FORMAT}
                value={day.date ? dayjs(day.date, API_DATE_FORMAT) : null}
                defaultPickerValue={dayjs(`${year}-01-01`, API_DATE_FORMAT)}
                disabledDate={(value) => value.year() !== year}
                status={day.date ? undefined : 'error'}
                placeholder={t('holidays.dateRequired')}
                onChange={(value) => update(day.key, { date: value ? value.format(API_DATE_FORMAT) : null })}
              />
            ),
          },
          {
            title: t('holidays.weekday'),
            key: 'weekday',
            width: 110,
            render: (_, day) => (day.date ? t(`holidays.weekdays.${weekdayIndex(day.date)}`) : ''),
          },
          {
            title: t('holidays.name'),
            key: 'name',
            render: (_, day) => (
              <Input
                aria-label={t('holidays.name')}
                value={day.name}
                maxLength={200}
                status={day.name.trim() ? undefined : 'error'}
                placeholder={t('holidays.nameRequired')}
                onChange={(event) => update(day.key, { name: event.target.value })}
              />
            ),
          },
          {
            title: t('holidays.kind'),
            key: 'kind',
            width: 220,
            render: (_, day) => (
              <Select<HolidayDayKind>
                aria-label={t('holidays.kind')}
                style={{ width: '100%' }}
                value={day.kind}
                options={KINDS.map((kind) => ({ value: kind, label: t(`holidays.kinds.${kind}`) }))}
                onChange={(kind) => update(day.key, { kind })}
              />
            ),
          },
          {
            title: t('holidays.origin'),
            key: 'origin',
            width: 170,
            render: (_, day) =>
              isDefaultDay(day) ? (
                <Tag>{t('holidays.inDefault')}</Tag>
              ) : (
                <Tag color="gold">{t('holidays.notInDefault')}</Tag>
              ),
          },
          {
            title: '',
            key: 'remove',
            width: 56,
            render: (_, day) => (
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('holidays.removeDay')}
                onClick={() => setDays((current) => current.filter((candidate) => candidate.key !== day.key))}
              />
            ),
          },
        ]}
      />
      <Flex justify="space-between" wrap gap={8}>
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setDays((current) => [
              ...current,
              {
                key: Math.max(-1, ...current.map((day) => day.key)) + 1,
                date: null,
                name: '',
                kind: 'holiday',
              },
            ])
          }
        >
          {t('holidays.addDay')}
        </Button>
        <Typography.Text type="secondary">{t('holidays.count', { count: days.length })}</Typography.Text>
      </Flex>
      {missingDefaults.length > 0 ? (
        <Typography.Text type="secondary">
          {t('holidays.missingDefaults', {
            dates: missingDefaults.map((day) => formatDate(day.date)).join(', '),
          })}
        </Typography.Text>
      ) : null}
      <Flex vertical gap={8}>
        <label htmlFor="holiday-source">{t('holidays.source')}</label>
        <Input
          id="holiday-source"
          value={source}
          maxLength={500}
          onChange={(event) => setSource(event.target.value)}
        />
        <Flex align="center" gap={8} wrap>
          <Checkbox checked={verified} onChange={(event) => setVerified(event.target.checked)}>
            {t('holidays.verified')}
          </Checkbox>
          {verified ? null : <Tag color="orange">{t('holidays.notVerified')}</Tag>}
        </Flex>
      </Flex>
      {save.error && !(isApiError(save.error) && save.error.status === 409) ? (
        <ErrorAlert error={save.error} extra={fieldErrors} />
      ) : null}
      {reset.error ? <ErrorAlert error={reset.error} /> : null}
      <Flex gap={8} wrap>
        <Button type="primary" loading={save.isPending} disabled={hasIncomplete} onClick={onSave}>
          {t('holidays.save', { year })}
        </Button>
        {view.isDefault ? null : (
          <Button danger loading={reset.isPending} onClick={onReset}>
            {t('holidays.reset')}
          </Button>
        )}
      </Flex>
    </Flex>
  );
}

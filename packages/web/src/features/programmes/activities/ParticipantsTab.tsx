import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  type Activity,
  type ActivityParticipant,
  type ParticipantCandidate,
  sexLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Empty,
  Flex,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDebouncedValue } from '../../../lib/useDebouncedValue';
import { useLanguage } from '../../children/ChildTags';
import { formatDateOfBirth, labelOf } from '../../children/childText';
import { useAddParticipants, useCandidates, useParticipants, useRemoveParticipant } from './api';

type Person = Pick<
  ActivityParticipant,
  'fullName' | 'sex' | 'dateOfBirth' | 'ageAtStart' | 'village' | 'school' | 'grade'
>;

/** The columns every list of children here shares: name, sex, birth, age, village, school, class. */
function usePersonColumns() {
  const { t } = useTranslation();
  const language = useLanguage();
  return [
    { key: 'name', title: t('activities.participants.name'), dataIndex: 'fullName', width: 200 },
    {
      key: 'sex',
      title: t('activities.participants.sex'),
      width: 70,
      render: (_: unknown, person: Person) => labelOf(sexLabels, person.sex, language),
    },
    {
      key: 'dob',
      title: t('activities.participants.dateOfBirth'),
      width: 110,
      render: (_: unknown, person: Person) => formatDateOfBirth(person.dateOfBirth),
    },
    {
      key: 'age',
      title: t('activities.participants.age'),
      dataIndex: 'ageAtStart',
      align: 'right' as const,
      width: 60,
    },
    { key: 'village', title: t('activities.participants.village'), dataIndex: 'village', width: 150 },
    { key: 'school', title: t('activities.participants.school'), dataIndex: 'school', width: 180 },
    { key: 'grade', title: t('activities.participants.grade'), dataIndex: 'grade', width: 70 },
  ];
}

/** Chooses children of the activity's commune from the registry: by name, age, village, school. */
function CandidatesModal({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState({ q: '', village: '', school: '', grade: '' });
  const typed = useDebouncedValue(text, 350);
  // Ages are chosen, not typed at length: they apply at once.
  const [ageFrom, setAgeFrom] = useState<number | null>(null);
  const [ageTo, setAgeTo] = useState<number | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const candidates = useCandidates(
    activity.id,
    {
      q: typed.q.trim() || undefined,
      village: typed.village.trim() || undefined,
      school: typed.school.trim() || undefined,
      grade: typed.grade.trim() || undefined,
      ageFrom: ageFrom ?? undefined,
      ageTo: ageTo ?? undefined,
    },
    true,
  );
  const add = useAddParticipants(activity.id);
  const columns = usePersonColumns();
  const items = candidates.data?.items ?? [];

  const confirm = () =>
    add.mutate(selected, {
      onSuccess: () => {
        void message.success(t('activities.candidates.added', { count: selected.length }));
        onClose();
      },
    });

  const textFilter = (key: keyof typeof text, width: number, testId: string) => (
    <Input
      allowClear
      data-testid={testId}
      aria-label={t(`activities.candidates.${key}`)}
      placeholder={t(`activities.candidates.${key}`)}
      value={text[key]}
      onChange={(event) => setText((current) => ({ ...current, [key]: event.target.value }))}
      maxLength={100}
      style={{ width }}
    />
  );

  return (
    <Modal
      open
      width={1040}
      title={t('activities.candidates.title', { unit: activity.unitName })}
      onCancel={onClose}
      onOk={confirm}
      okText={t('activities.candidates.confirm', { count: selected.length })}
      okButtonProps={{ disabled: selected.length === 0, 'data-testid': 'participants-add-confirm' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('activities.candidates.intro')}</Typography.Text>
        <Flex gap={8} wrap align="center">
          <Input.Search
            allowClear
            data-testid="candidates-q"
            aria-label={t('activities.candidates.q')}
            placeholder={t('activities.candidates.qPlaceholder')}
            value={text.q}
            onChange={(event) => setText((current) => ({ ...current, q: event.target.value }))}
            maxLength={100}
            style={{ flex: '1 1 220px' }}
          />
          <Flex gap={4} align="center">
            <Typography.Text>{t('activities.candidates.age')}</Typography.Text>
            <InputNumber<number>
              data-testid="candidates-age-from"
              aria-label={t('activities.candidates.ageFrom')}
              placeholder={t('activities.candidates.from')}
              min={0}
              max={17}
              precision={0}
              value={ageFrom}
              onChange={setAgeFrom}
              style={{ width: 80 }}
            />
            <span>–</span>
            <InputNumber<number>
              data-testid="candidates-age-to"
              aria-label={t('activities.candidates.ageTo')}
              placeholder={t('activities.candidates.to')}
              min={0}
              max={17}
              precision={0}
              value={ageTo}
              onChange={setAgeTo}
              style={{ width: 80 }}
            />
          </Flex>
          {textFilter('village', 150, 'candidates-village')}
          {textFilter('school', 180, 'candidates-school')}
          {textFilter('grade', 90, 'candidates-grade')}
        </Flex>
        {candidates.isError ? (
          <ErrorAlert error={candidates.error} onRetry={() => void candidates.refetch()} />
        ) : null}
        {add.error ? <ErrorAlert error={add.error} /> : null}
        <Typography.Text aria-live="polite">
          {candidates.data
            ? t('activities.candidates.found', { count: items.length, selected: selected.length })
            : '\u00a0'}
        </Typography.Text>
        <Table<ParticipantCandidate>
          rowKey="childId"
          size="small"
          data-testid="candidates-table"
          loading={candidates.isFetching}
          dataSource={items}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 900, y: 420 }}
          locale={{ emptyText: <Empty description={t('activities.candidates.none')} /> }}
          onRow={(candidate) => ({ 'data-testid': `candidate-${candidate.childId}` }) as never}
          rowSelection={{
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (candidate) => ({
              disabled: candidate.isParticipant,
              'aria-label': candidate.fullName,
            }),
          }}
          columns={[
            ...columns,
            {
              key: 'taking',
              title: '',
              width: 110,
              render: (_, candidate) =>
                candidate.isParticipant ? (
                  <Tag color="green">{t('activities.candidates.already')}</Tag>
                ) : null,
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}

/** "Trẻ tham gia": the registered children taking part, and adding or removing them. */
export function ParticipantsTab({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const participants = useParticipants(activity.id);
  const remove = useRemoveParticipant(activity.id);
  const [isAdding, setIsAdding] = useState(false);
  const columns = usePersonColumns();
  const items = participants.data?.items ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong aria-live="polite">
          {participants.data ? t('activities.participants.count', { count: items.length }) : '\u00a0'}
        </Typography.Text>
        {canWrite ? (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => setIsAdding(true)}
            data-testid="participants-add"
          >
            {t('activities.participants.add')}
          </Button>
        ) : null}
      </Flex>
      {participants.isError ? (
        <ErrorAlert error={participants.error} onRetry={() => void participants.refetch()} />
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <Table<ActivityParticipant>
        rowKey="childId"
        size="small"
        data-testid="participants-table"
        loading={participants.isPending}
        dataSource={items}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('activities.participants.none')} /> }}
        onRow={(participant) => ({ 'data-testid': `participant-${participant.childId}` }) as never}
        columns={[
          ...columns,
          {
            key: 'attended',
            title: t('activities.participants.sessionsAttended'),
            align: 'right',
            width: 100,
            render: (_, participant) => `${participant.sessionsAttended}/${activity.sessions.length}`,
          },
          ...(canWrite
            ? [
                {
                  key: 'remove',
                  title: '',
                  width: 60,
                  render: (_: unknown, participant: ActivityParticipant) => (
                    <Popconfirm
                      title={t('activities.participants.removeConfirm', { name: participant.fullName })}
                      okText={t('activities.participants.remove')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutate(participant.childId)}
                    >
                      <Button
                        size="small"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('activities.participants.remove')}
                        title={t('activities.participants.remove')}
                      />
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {isAdding ? <CandidatesModal activity={activity} onClose={() => setIsAdding(false)} /> : null}
    </Flex>
  );
}

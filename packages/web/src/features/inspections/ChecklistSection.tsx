import { answerTypeLabels, type ChecklistQuestion, type Evidence } from '@tuoitho/domain';
import { Button, Card, Flex, Input, InputNumber, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { useUploadSessionEvidence } from './api';
import { EvidenceList } from './EvidenceList';
import { type AnswerDraft, groupQuestions, normaliseAnswer } from './inspectionText';

interface ChecklistSectionProps {
  sessionId: string;
  questions: readonly ChecklistQuestion[];
  answers: Record<string, AnswerDraft>;
  evidence: readonly Evidence[];
  missing: readonly string[];
  invalid: readonly string[];
  isReadOnly: boolean;
  onChange: (questionId: string, answer: AnswerDraft) => void;
}

/** The checklist of a session, grouped as in its template, with an answer, a note and photos per question. */
export function ChecklistSection(props: ChecklistSectionProps) {
  const { t } = useTranslation();
  const groups = groupQuestions(props.questions);
  return (
    <Flex vertical gap={12}>
      {groups.map((group) => (
        <Flex key={`${group.key}-${group.questions[0]?.number}`} vertical gap={12}>
          {group.key && groups.length > 1 ? (
            <Typography.Title level={5} style={{ margin: '8px 0 0' }}>
              {t('inspections.session.group', { key: group.key })}
            </Typography.Title>
          ) : null}
          {group.questions.map(({ question, number }) => (
            <QuestionCard key={question.id} question={question} number={number} {...props} />
          ))}
        </Flex>
      ))}
    </Flex>
  );
}

function QuestionCard({
  question,
  number,
  sessionId,
  answers,
  evidence,
  missing,
  invalid,
  isReadOnly,
  onChange,
}: ChecklistSectionProps & { question: ChecklistQuestion; number: number }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useUploadSessionEvidence();
  const answer = answers[question.id] ?? { value: null, note: '' };
  const [isNoteOpen, setIsNoteOpen] = useState(answer.note !== '');
  const own = evidence.filter((item) => item.questionId === question.id);
  const isMissing = missing.includes(question.id);
  const isInvalid = invalid.includes(question.id);
  const set = (value: unknown) =>
    onChange(question.id, { ...answer, value: normaliseAnswer(question.answerType, value) });
  const testId = `answer-${question.id}`;

  return (
    <Card
      size="small"
      id={`question-${question.id}`}
      data-testid={`question-${question.id}`}
      style={isInvalid ? { borderColor: '#ff4d4f' } : undefined}
    >
      <Flex vertical gap={10}>
        <Flex gap={8} align="flex-start" justify="space-between">
          <Typography.Text strong style={{ fontSize: 16 }}>
            {`${number}. ${question.text}`}
            {question.required ? <Typography.Text type="danger"> *</Typography.Text> : null}
          </Typography.Text>
          <Flex gap={4} wrap justify="flex-end" style={{ flexShrink: 0 }}>
            <Tag style={{ marginInlineEnd: 0 }}>{answerTypeLabels[question.answerType][language]}</Tag>
            {question.maxScore ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('inspections.session.points', { count: question.maxScore })}
              </Tag>
            ) : null}
          </Flex>
        </Flex>
        {question.guidance ? (
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {question.guidance}
          </Typography.Text>
        ) : null}
        {question.answerType === 'yes_no' ? (
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            size="large"
            disabled={isReadOnly}
            value={answer.value}
            onChange={(event) => set(event.target.value)}
            aria-label={question.text}
          >
            {/* The test ids sit on the visible label text: antd puts other props on the hidden input. */}
            <Radio.Button value={true} style={{ minWidth: 96, textAlign: 'center' }}>
              <span data-testid={`${testId}-yes`}>{t('common.yes')}</span>
            </Radio.Button>
            <Radio.Button value={false} style={{ minWidth: 96, textAlign: 'center' }}>
              <span data-testid={`${testId}-no`}>{t('common.no')}</span>
            </Radio.Button>
          </Radio.Group>
        ) : null}
        {question.answerType === 'score' || question.answerType === 'number' ? (
          <Flex gap={8} align="center">
            <InputNumber
              size="large"
              data-testid={testId}
              aria-label={question.text}
              disabled={isReadOnly}
              min={0}
              max={question.answerType === 'score' ? (question.maxScore ?? undefined) : undefined}
              value={typeof answer.value === 'number' ? answer.value : null}
              onChange={(value) => set(value)}
              inputMode="decimal"
              style={{ width: 160 }}
            />
            {question.answerType === 'score' ? (
              <Typography.Text type="secondary">/ {question.maxScore ?? 0}</Typography.Text>
            ) : null}
          </Flex>
        ) : null}
        {question.answerType === 'text' ? (
          <Input.TextArea
            data-testid={testId}
            aria-label={question.text}
            disabled={isReadOnly}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={5000}
            value={typeof answer.value === 'string' ? answer.value : ''}
            onChange={(event) => set(event.target.value)}
            style={{ fontSize: 16 }}
          />
        ) : null}
        {isMissing ? (
          <Typography.Text type="warning">{t('inspections.session.needsAnswer')}</Typography.Text>
        ) : null}
        {isInvalid ? (
          <Typography.Text type="danger">{t('inspections.session.invalidAnswer')}</Typography.Text>
        ) : null}
        {isNoteOpen || answer.note ? (
          <Input.TextArea
            data-testid={`note-${question.id}`}
            aria-label={t('inspections.session.note')}
            placeholder={t('inspections.session.note')}
            disabled={isReadOnly}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            value={answer.note}
            onChange={(event) => onChange(question.id, { ...answer, note: event.target.value })}
          />
        ) : null}
        <Flex gap={8} wrap align="center">
          {!isReadOnly && !isNoteOpen && !answer.note ? (
            <Button size="large" type="dashed" onClick={() => setIsNoteOpen(true)} style={{ minHeight: 48 }}>
              {t('inspections.session.addNote')}
            </Button>
          ) : null}
          <EvidenceList
            evidence={own}
            canDelete={!isReadOnly}
            isUploading={upload.isPending}
            onUpload={
              isReadOnly
                ? undefined
                : (file) => upload.mutateAsync({ sessionId, questionId: question.id, file })
            }
            testId={`evidence-${question.id}`}
          />
        </Flex>
      </Flex>
    </Card>
  );
}

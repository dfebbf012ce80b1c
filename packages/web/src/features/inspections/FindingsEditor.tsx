import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { type ChecklistQuestion, FindingSeverity, findingSeverityLabels } from '@tuoitho/domain';
import { Button, Card, Col, Flex, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { SeverityTag } from './InspectionTags';
import type { FindingDraft } from './inspectionText';

interface FindingsEditorProps {
  findings: readonly FindingDraft[];
  questions: readonly ChecklistQuestion[];
  /** Indexes of findings still without text (shown in red after a save attempt). */
  withoutText: readonly number[];
  isReadOnly: boolean;
  onChange: (findings: FindingDraft[]) => void;
}

/** Strengths and shortcomings found during the session, each optionally tied to a question. */
export function FindingsEditor({
  findings,
  questions,
  withoutText,
  isReadOnly,
  onChange,
}: FindingsEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const update = (index: number, patch: Partial<FindingDraft>) =>
    onChange(findings.map((finding, i) => (i === index ? { ...finding, ...patch } : finding)));
  const questionOptions = questions.map((question, index) => ({
    value: question.id,
    label: `${index + 1}. ${question.text}`,
  }));

  if (isReadOnly) {
    return findings.length === 0 ? (
      <Typography.Text type="secondary">{t('inspections.session.noFindings')}</Typography.Text>
    ) : (
      <Flex vertical gap={8}>
        {findings.map((finding, index) => (
          <div key={finding.id ?? index}>
            <SeverityTag severity={finding.severity} />
            <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{finding.text}</Typography.Text>
          </div>
        ))}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={12}>
      {findings.map((finding, index) => (
        <Card key={finding.id ?? `new-${index}`} size="small" data-testid={`finding-${index}`}>
          <Row gutter={[8, 8]}>
            <Col xs={24} md={8}>
              <Select
                size="large"
                data-testid={`finding-severity-${index}`}
                showSearch={{ optionFilterProp: 'label' }}
                aria-label={t('inspections.session.severity')}
                value={finding.severity}
                onChange={(severity) => update(index, { severity })}
                options={optionsFromLabels(FindingSeverity.options, findingSeverityLabels, language)}
                style={{ width: '100%' }}
              />
            </Col>
            <Col xs={20} md={14}>
              <Select
                size="large"
                allowClear
                aria-label={t('inspections.session.findingQuestion')}
                placeholder={t('inspections.session.findingQuestion')}
                showSearch={{ optionFilterProp: 'label' }}
                value={finding.questionId ?? undefined}
                onChange={(questionId) => update(index, { questionId: questionId ?? null })}
                options={questionOptions}
                popupMatchSelectWidth={false}
                style={{ width: '100%' }}
              />
            </Col>
            <Col xs={4} md={2} style={{ textAlign: 'end' }}>
              <Button
                size="large"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('inspections.session.removeFinding')}
                onClick={() => onChange(findings.filter((_, i) => i !== index))}
              />
            </Col>
            <Col span={24}>
              <Input.TextArea
                data-testid={`finding-text-${index}`}
                aria-label={t('inspections.session.findingText')}
                placeholder={t('inspections.session.findingText')}
                status={withoutText.includes(index) ? 'error' : undefined}
                autoSize={{ minRows: 2, maxRows: 8 }}
                maxLength={3000}
                value={finding.text}
                onChange={(event) => update(index, { text: event.target.value })}
                style={{ fontSize: 16 }}
              />
            </Col>
          </Row>
        </Card>
      ))}
      <Button
        size="large"
        type="dashed"
        icon={<PlusOutlined />}
        data-testid="finding-add"
        onClick={() => onChange([...findings, { questionId: null, severity: 'minor', text: '' }])}
        style={{ minHeight: 48, alignSelf: 'flex-start' }}
      >
        {t('inspections.session.addFinding')}
      </Button>
    </Flex>
  );
}

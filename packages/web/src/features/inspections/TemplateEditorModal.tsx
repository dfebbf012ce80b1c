import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AnswerType,
  answerTypeLabels,
  type ChecklistTemplate,
  InspectionTopic,
  inspectionTopicLabels,
} from '@tuoitho/domain';
import {
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { useLanguage } from '../children/ChildTags';
import { optionsFromLabels } from '../children/childText';
import { useCreateTemplate, useUpdateTemplate } from './api';
import {
  nextQuestionId,
  type TemplateFormValues,
  templateFormToRequest,
  templateToFormValues,
} from './inspectionText';

const QUESTION_ID = /^[a-z0-9][a-z0-9._-]{0,39}$/;

/**
 * Edits a checklist template: its questions in order, each with a short stable id (answers are
 * kept by it, so an id is not reused for another question), the answer type, points and whether
 * an answer is required before the session can be completed.
 */
export function TemplateEditorModal({
  template,
  onClose,
}: {
  template?: ChecklistTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const [leftOver, setLeftOver] = useState<string[]>([]);
  const questions = Form.useWatch('questions', form) ?? [];
  const initialValues = useMemo<TemplateFormValues>(
    () =>
      template
        ? templateToFormValues(template)
        : {
            name: '',
            topic: 'policy_law',
            isActive: true,
            questions: [{ id: 'q1', text: '', answerType: 'yes_no', maxScore: 10, required: true }],
          },
    [template],
  );

  const onError = (error: unknown) =>
    setLeftOver(applyFieldErrors(form, error, ['name', 'topic', 'isActive']));
  const submit = (values: TemplateFormValues) => {
    const request = templateFormToRequest(values);
    const done = () => {
      void message.success(t('inspections.template.saved'));
      onClose();
    };
    if (template) {
      update.mutate(
        { id: template.id, request: { ...request, version: template.version } },
        { onSuccess: done, onError },
      );
    } else {
      create.mutate(request, { onSuccess: done, onError });
    }
  };

  const idRules = [
    { required: true, message: t('inspections.template.idRequired') },
    { pattern: QUESTION_ID, message: t('inspections.template.idFormat') },
    {
      validator: (_: unknown, value: string) =>
        questions.filter((q) => q?.id === value).length > 1
          ? Promise.reject(new Error(t('inspections.template.idTaken')))
          : Promise.resolve(),
    },
  ];

  return (
    <Modal
      open
      width={1000}
      title={template ? t('inspections.template.editTitle') : t('inspections.template.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'template-submit' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<TemplateFormValues> form={form} layout="vertical" initialValues={initialValues} onFinish={submit}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item
              name="name"
              label={t('inspections.template.name')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={300} data-testid="template-name" />
            </Form.Item>
          </Col>
          <Col xs={16} md={8}>
            <Form.Item name="topic" label={t('inspections.topic')} rules={[{ required: true }]}>
              <Select
                options={optionsFromLabels(InspectionTopic.options, inspectionTopicLabels, language)}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={8} md={4}>
            <Form.Item name="isActive" label={t('inspections.template.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('inspections.template.questions')}</Typography.Text>
        <Form.List name="questions">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={8} style={{ marginTop: 8 }}>
              {fields.map((field, index) => {
                const type = questions[index]?.answerType;
                const hasPoints = type === 'yes_no' || type === 'score';
                return (
                  <Card key={field.key} size="small" data-testid={`template-question-${index}`}>
                    <Row gutter={8} align="top">
                      <Col xs={6} md={3}>
                        <Form.Item
                          name={[field.name, 'id']}
                          label={t('inspections.template.id')}
                          rules={idRules}
                        >
                          <Input maxLength={40} />
                        </Form.Item>
                      </Col>
                      <Col xs={18} md={13}>
                        <Form.Item
                          name={[field.name, 'text']}
                          label={t('inspections.template.text', { number: index + 1 })}
                          rules={[{ required: true, whitespace: true }]}
                        >
                          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
                        </Form.Item>
                      </Col>
                      <Col xs={10} md={4}>
                        <Form.Item
                          name={[field.name, 'answerType']}
                          label={t('inspections.template.answerType')}
                          rules={[{ required: true }]}
                        >
                          <Select
                            options={optionsFromLabels(AnswerType.options, answerTypeLabels, language)}
                          />
                        </Form.Item>
                      </Col>
                      <Col xs={7} md={2}>
                        <Form.Item
                          name={[field.name, 'maxScore']}
                          label={t('inspections.template.points')}
                          rules={hasPoints ? [{ required: true }] : []}
                        >
                          <InputNumber min={0} max={1000} disabled={!hasPoints} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={7} md={2}>
                        <Form.Item
                          name={[field.name, 'required']}
                          label={t('inspections.template.required')}
                          valuePropName="checked"
                        >
                          <Switch />
                        </Form.Item>
                      </Col>
                      <Col xs={18} md={20}>
                        <Form.Item name={[field.name, 'guidance']} style={{ marginBottom: 0 }}>
                          <Input placeholder={t('inspections.template.guidance')} maxLength={1000} />
                        </Form.Item>
                      </Col>
                      <Col xs={6} md={4}>
                        <Flex gap={2} justify="flex-end">
                          <Button
                            type="text"
                            icon={<ArrowUpOutlined />}
                            disabled={index === 0}
                            aria-label={t('inspections.template.moveUp')}
                            onClick={() => move(index, index - 1)}
                          />
                          <Button
                            type="text"
                            icon={<ArrowDownOutlined />}
                            disabled={index === fields.length - 1}
                            aria-label={t('inspections.template.moveDown')}
                            onClick={() => move(index, index + 1)}
                          />
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            disabled={fields.length === 1}
                            aria-label={t('inspections.template.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Flex>
                      </Col>
                    </Row>
                  </Card>
                );
              })}
              <Button
                icon={<PlusOutlined />}
                type="dashed"
                onClick={() =>
                  add({
                    id: nextQuestionId(questions.map((q) => q?.id ?? '')),
                    text: '',
                    answerType: 'yes_no',
                    maxScore: 10,
                    required: true,
                  })
                }
                data-testid="template-question-add"
                style={{ alignSelf: 'flex-start' }}
              >
                {t('inspections.template.addQuestion')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {create.error || update.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={create.error ?? update.error} extra={leftOver} />
          </div>
        ) : null}
      </Form>
    </Modal>
  );
}

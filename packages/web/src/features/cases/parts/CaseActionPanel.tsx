import type { Case } from '@tuoitho/domain';
import { Alert, App, Button, Card, Empty, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyFieldErrors } from '../../../lib/errors';
import { isApiError } from '../../../lib/problem';
import { useCaseAction } from '../api';
import {
  buildActionRequest,
  decisionActions,
  groupPanelActions,
  type PanelActionType,
  panelActions,
} from '../caseActions';
import { ActionFields, initialActionValues } from './ActionFields';

const FIELD_NAMES = [
  'riskLevel',
  'isEmergency',
  'protectionLevel',
  'harm',
  'description',
  'decisionNumber',
  'decisionDate',
  'placement',
  'startAt',
  'plannedEndAt',
  'outcome',
  'note',
  'needs',
  'meetingOn',
  'goal',
  'measures',
  'reason',
  'decision',
  'summary',
  'step',
  'newDueAt',
  'assigneeId',
  'text',
];

/** What the action's error means for the user: a stale case is read again; a rule gives its reason. */
function ActionError({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 409) {
    return (
      <Alert
        type="warning"
        showIcon
        role="alert"
        data-testid="case-action-conflict"
        title={t('cases.action.conflict')}
        action={
          <Button size="small" onClick={onReload}>
            {t('common.reload')}
          </Button>
        }
      />
    );
  }
  return <ErrorAlert error={error} />;
}

/** The form of one action in a dialog; sends the case version read and reports 409/422 plainly. */
export function CaseActionModal({
  type,
  caseData,
  unitId,
  onClose,
  onReload,
}: {
  type: PanelActionType;
  caseData: Case;
  unitId: number | undefined;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const action = useCaseAction(caseData.id);
  const [leftOver, setLeftOver] = useState<string[]>([]);

  const submit = (values: Record<string, unknown>) => {
    setLeftOver([]);
    const built = buildActionRequest(type, values, caseData.version);
    if (!built.ok) {
      setLeftOver([t('cases.action.invalid', { fields: built.paths.join(', ') })]);
      return;
    }
    action.mutate(built.request, {
      onSuccess: () => {
        void message.success(t('cases.action.done', { action: t(`cases.actionTypes.${type}`) }));
        onClose();
      },
      onError: (error) => setLeftOver(applyFieldErrors(form, error, FIELD_NAMES)),
    });
  };

  return (
    <Modal
      open
      title={t(`cases.actionTitles.${type}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t(`cases.actionSubmit.${type}`)}
      okButtonProps={{ 'data-testid': 'case-action-submit', danger: type === 'plan_rejected' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      width={type === 'plan_drafted' ? 1040 : 640}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Typography.Paragraph type="secondary">{t(`cases.actionHints.${type}`)}</Typography.Paragraph>
      {action.error || leftOver.length > 0 ? (
        <div style={{ marginBottom: 12 }}>
          {action.error ? (
            <ActionError
              error={action.error}
              onReload={() => {
                action.reset();
                onReload();
              }}
            />
          ) : null}
          {leftOver.map((line) => (
            <Alert key={line} type="error" showIcon title={line} style={{ marginTop: 8 }} />
          ))}
        </div>
      ) : null}
      <Form
        form={form}
        name={`caseAction_${type}`}
        layout="vertical"
        onFinish={submit}
        initialValues={initialActionValues(type, caseData)}
        data-testid={`case-action-form-${type}`}
      >
        <ActionFields type={type} caseData={caseData} unitId={unitId} />
      </Form>
    </Modal>
  );
}

/** "Quy trình": only the actions the server allows now, the next step of the process first. */
export function CaseActionPanel({
  caseData,
  unitId,
  onReload,
}: {
  caseData: Case;
  unitId: number | undefined;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<PanelActionType | null>(null);
  const actions = panelActions(caseData.allowedActions);
  const { main, other, primary } = groupPanelActions(actions, caseData.status);
  return (
    <>
      {actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.action.none')} />
      ) : (
        <Flex vertical gap={12}>
          {main.length > 0 ? (
            <Card size="small" title={t('cases.action.next')}>
              <Flex gap={8} wrap>
                {main.map((type) => (
                  <Button
                    key={type}
                    type={type === primary || decisionActions.has(type) ? 'primary' : 'default'}
                    danger={type === 'plan_rejected'}
                    onClick={() => setOpen(type)}
                    data-testid={`case-action-${type}`}
                  >
                    {t(`cases.actionButtons.${type}`)}
                  </Button>
                ))}
              </Flex>
            </Card>
          ) : null}
          {other.length > 0 ? (
            <Card size="small" title={t('cases.action.other')}>
              <Flex gap={8} wrap>
                {other.map((type) => (
                  <Button key={type} onClick={() => setOpen(type)} data-testid={`case-action-${type}`}>
                    {t(`cases.actionButtons.${type}`)}
                  </Button>
                ))}
              </Flex>
            </Card>
          ) : null}
        </Flex>
      )}
      {open ? (
        <CaseActionModal
          key={open}
          type={open}
          caseData={caseData}
          unitId={unitId}
          onClose={() => setOpen(null)}
          onReload={onReload}
        />
      ) : null}
    </>
  );
}

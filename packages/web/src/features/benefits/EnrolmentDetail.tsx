import { type BenefitEnrolment, budgetSourceLabels, paymentMethodLabels } from '@tuoitho/domain';
import { Button, Descriptions, Drawer, Flex, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../lib/dates';
import { useLanguage } from '../children/ChildTags';
import { formatDateOfBirth, labelOf } from '../children/childText';
import { useEnrolment } from './api';
import { formatMoney } from './benefitMath';
import { AdjustModal, TerminateModal } from './EnrolmentForms';

const eventColors = { start: 'green', adjust: 'blue', terminate: 'red' } as const;

export function EnrolmentStatusTag({ enrolment }: { enrolment: BenefitEnrolment }) {
  const { t } = useTranslation();
  return (
    <Tag color={enrolment.status === 'active' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
      {t(`benefits.status.${enrolment.status}`)}
    </Tag>
  );
}

/** The decisions of an enrolment, oldest first: start, adjustments, end. */
export function EnrolmentTimeline({ enrolment }: { enrolment: BenefitEnrolment }) {
  const { t } = useTranslation();
  return (
    <Timeline
      items={enrolment.events.map((event) => ({
        key: `${event.kind}|${event.recordedAt}`,
        color: eventColors[event.kind],
        content: (
          <div>
            <Typography.Text strong>
              {t(`benefits.events.${event.kind}`)} — {formatDate(event.effectiveFrom)}
              {event.amountVnd !== null ? `: ${formatMoney(event.amountVnd)}` : ''}
            </Typography.Text>
            <div>
              {t('benefits.events.decision', {
                number: event.decision.number,
                date: formatDate(event.decision.date),
                signer: `${event.decision.signerTitle} ${event.decision.signerName}`,
              })}
            </div>
            {event.reason ? <Typography.Text type="secondary">{event.reason}</Typography.Text> : null}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('benefits.events.recorded', {
                  at: formatDateTime(event.recordedAt),
                  by: event.recordedBy ?? '—',
                })}
              </Typography.Text>
            </div>
          </div>
        ),
      }))}
    />
  );
}

/** The drawer of one enrolment: its terms, its decisions, and the adjust and end forms. */
export function EnrolmentDrawer({
  enrolmentId,
  canWrite,
  onClose,
}: {
  enrolmentId: string | undefined;
  canWrite: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const query = useEnrolment(enrolmentId);
  const [form, setForm] = useState<'adjust' | 'terminate' | null>(null);
  const enrolment = query.data;
  return (
    <Drawer
      open={Boolean(enrolmentId)}
      onClose={onClose}
      size={640}
      title={enrolment ? `${enrolment.childName} — ${enrolment.ruleName}` : t('common.loading')}
      loading={query.isPending && Boolean(enrolmentId)}
      extra={
        enrolment && canWrite && enrolment.status === 'active' ? (
          <Flex gap={8}>
            <Button onClick={() => setForm('adjust')} data-testid="benefit-enrolment-adjust">
              {t('benefits.adjust.button')}
            </Button>
            <Button danger onClick={() => setForm('terminate')} data-testid="benefit-enrolment-terminate">
              {t('benefits.terminate.button')}
            </Button>
          </Flex>
        ) : null
      }
    >
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {enrolment ? (
        <Flex vertical gap={16}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'child',
                label: t('benefits.fields.child'),
                children: (
                  <Link to={`/children/${enrolment.childId}?tab=benefits`}>
                    {enrolment.childName} ({formatDateOfBirth(enrolment.childDateOfBirth)})
                  </Link>
                ),
              },
              { key: 'unit', label: t('benefits.fields.unit'), children: enrolment.unitName },
              {
                key: 'status',
                label: t('benefits.fields.status'),
                children: <EnrolmentStatusTag enrolment={enrolment} />,
              },
              {
                key: 'period',
                label: t('benefits.fields.period'),
                children: `${formatDate(enrolment.startDate)} – ${formatDate(enrolment.endDate) || '…'}`,
              },
              {
                key: 'amount',
                label: t('benefits.fields.currentAmount'),
                children: formatMoney(enrolment.amountVnd),
              },
              {
                key: 'recipient',
                label: t('benefits.fields.recipient'),
                children: [enrolment.recipient.fullName, enrolment.recipient.relationship]
                  .filter(Boolean)
                  .join(' — '),
              },
              {
                key: 'method',
                label: t('benefits.fields.paymentMethod'),
                children: labelOf(paymentMethodLabels, enrolment.paymentMethod, language),
              },
              {
                key: 'budget',
                label: t('benefits.fields.budgetSource'),
                children: labelOf(budgetSourceLabels, enrolment.budgetSource, language),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('benefits.events.title')}
          </Typography.Title>
          <EnrolmentTimeline enrolment={enrolment} />
          {form === 'adjust' ? <AdjustModal enrolment={enrolment} onClose={() => setForm(null)} /> : null}
          {form === 'terminate' ? (
            <TerminateModal enrolment={enrolment} onClose={() => setForm(null)} />
          ) : null}
        </Flex>
      ) : null}
    </Drawer>
  );
}

import type { CaseDeadline } from '@tuoitho/domain';
import { Card, Empty, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/dates';
import { useLanguage } from '../../children/ChildTags';
import { ClockStateTag, UnverifiedDeadlineTag } from '../CaseTags';
import { clockStepName, countdown, formatDuration, isDeadlineRunning, sortDeadlines } from '../caseText';

/** The current time, updated every `intervalMs` (a live countdown). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function CountdownText({ deadline, now }: { deadline: CaseDeadline; now: Date }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!isDeadlineRunning(deadline)) {
    const at = deadline.completedAt ?? deadline.stoppedAt;
    return (
      <Typography.Text type="secondary">
        {deadline.completedAt
          ? t('cases.clocks.completedAt', { at: formatDateTime(at) })
          : t('cases.clocks.stoppedAt', { at: formatDateTime(at) })}
      </Typography.Text>
    );
  }
  const left = countdown(deadline.dueAt, now);
  const duration = formatDuration(left.parts, language);
  return left.isOverdue ? (
    <Typography.Text type="danger" strong data-testid="clock-overdue">
      {t('cases.clocks.overdueBy', { duration })}
    </Typography.Text>
  ) : (
    <Typography.Text
      strong={deadline.state === 'due_soon'}
      type={deadline.state === 'due_soon' ? 'warning' : undefined}
    >
      {t('cases.clocks.left', { duration })}
    </Typography.Text>
  );
}

/** Every legal deadline of the case: step, due time, countdown, state, basis and extensions. */
export function CaseClocksPanel({ deadlines }: { deadlines: readonly CaseDeadline[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = useNow();
  return (
    <Card title={t('cases.clocks.title')} size="small" data-testid="case-clocks">
      {deadlines.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.clocks.none')} />
      ) : (
        <Flex vertical>
          {sortDeadlines(deadlines).map((deadline, index) => {
            const isExtended = deadline.extensions.length > 0;
            return (
              <div
                key={`${deadline.step}|${deadline.startedAt}`}
                data-testid={`clock-${deadline.step}`}
                style={{ padding: '10px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
              >
                <Flex justify="space-between" gap={8} wrap align="center">
                  <Typography.Text strong>{clockStepName(deadline.step, language)}</Typography.Text>
                  <Flex gap={4} wrap>
                    <ClockStateTag state={deadline.state} />
                    {deadline.verified ? null : <UnverifiedDeadlineTag legalRef={deadline.legalRef} />}
                  </Flex>
                </Flex>
                <Flex justify="space-between" gap={8} wrap>
                  <Tooltip title={deadline.legalRef}>
                    <span>
                      {t('cases.clocks.dueAt')}: <strong>{formatDateTime(deadline.dueAt)}</strong>
                    </span>
                  </Tooltip>
                  <CountdownText deadline={deadline} now={now} />
                </Flex>
                {isExtended ? (
                  <div style={{ marginTop: 4 }}>
                    <Typography.Text type="secondary">
                      {t('cases.clocks.originalDueAt', { at: formatDateTime(deadline.originalDueAt) })}
                    </Typography.Text>
                    <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
                      {deadline.extensions.map((extension) => (
                        <li key={extension.approvedAt}>
                          <Typography.Text type="secondary">
                            {t('cases.clocks.extension', {
                              from: formatDateTime(extension.previousDueAt),
                              to: formatDateTime(extension.newDueAt),
                              reason: extension.reason,
                            })}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </div>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}

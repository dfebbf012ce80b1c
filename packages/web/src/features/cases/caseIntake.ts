import type { ConcernType, CreateCaseRequest, IntakeChannel, IntakeUrgency, Sex } from '@tuoitho/domain';

/** The intake form (form 01) as the antd form holds it. */
export interface IntakeFormValues {
  unitCode?: string;
  childMode: 'registry' | 'new';
  childId?: string;
  fullName?: string;
  sex?: Sex;
  dateOfBirth?: string;
  source?: IntakeChannel;
  concerns?: ConcernType[];
  urgency?: IntakeUrgency;
  receivedAt?: string;
  summary?: string;
  reporter?: string;
}

/**
 * The request of an intake: a child of the registry by id, or a new child by name, sex and date
 * of birth (never both); texts trimmed, an empty reporter left out.
 */
export function buildCreateCaseRequest(values: IntakeFormValues): CreateCaseRequest {
  const reporter = values.reporter?.trim();
  const child =
    values.childMode === 'new'
      ? {
          child: {
            fullName: (values.fullName ?? '').trim(),
            sex: values.sex as Sex,
            dateOfBirth: values.dateOfBirth ?? '',
          },
        }
      : { childId: values.childId ?? '' };
  return {
    ...child,
    unitCode: values.unitCode ?? '',
    source: values.source as IntakeChannel,
    concerns: values.concerns ?? [],
    urgency: values.urgency ?? 'urgent',
    receivedAt: values.receivedAt ?? '',
    summary: (values.summary ?? '').trim(),
    ...(reporter ? { reporter } : {}),
  };
}

/** True when an instant lies in the future (a report cannot be received later than now). */
export function isAfterNow(iso: string | undefined, now: Date = new Date()): boolean {
  return iso !== undefined && Date.parse(iso) > now.getTime();
}

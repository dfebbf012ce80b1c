import { z } from 'zod';
import { AnswerType } from './catalogue';

/** A question of a checklist template. Ids are short codes kept stable when a template changes. */
export const ChecklistQuestion = z
  .object({
    id: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{0,39}$/, { message: 'question_id' }),
    text: z.string().trim().min(1).max(500),
    answerType: AnswerType,
    maxScore: z
      .number()
      .min(0)
      .max(1000)
      .nullable()
      .describe('points of a yes or of a full score; null for number and text'),
    required: z.boolean().default(true),
    guidance: z
      .string()
      .trim()
      .max(1000)
      .nullish()
      .transform((v) => v ?? null),
  })
  .meta({ id: 'ChecklistQuestion' });
export type ChecklistQuestion = z.infer<typeof ChecklistQuestion>;

/** An answer: true/false for yes_no, points for score, a number, or text. */
export const AnswerValue = z.union([z.boolean(), z.number(), z.string().max(5000)]).nullable();
export type AnswerValue = z.infer<typeof AnswerValue>;

export interface SessionScore {
  score: number;
  maxScore: number;
  /** Required questions without an answer. */
  missing: string[];
  /** Answers whose type does not fit the question (e.g. 12 points on a question of 10). */
  invalid: { questionId: string; reason: 'type' | 'range' }[];
}

/**
 * The score of a checklist: a yes earns the question's points, a score answer its points (0 to
 * the maximum); number and text answers carry no points. Unanswered required questions and
 * answers that do not fit are listed so that a session cannot be completed with them.
 */
export function scoreChecklist(
  questions: readonly ChecklistQuestion[],
  answers: ReadonlyMap<string, AnswerValue>,
): SessionScore {
  let score = 0;
  let maxScore = 0;
  const missing: string[] = [];
  const invalid: SessionScore['invalid'] = [];
  for (const q of questions) {
    const value = answers.get(q.id) ?? null;
    const points = q.maxScore ?? 0;
    if (q.answerType === 'yes_no' || q.answerType === 'score') maxScore += points;
    if (value === null || value === '') {
      if (q.required) missing.push(q.id);
      continue;
    }
    switch (q.answerType) {
      case 'yes_no':
        if (typeof value !== 'boolean') invalid.push({ questionId: q.id, reason: 'type' });
        else if (value) score += points;
        break;
      case 'score':
        if (typeof value !== 'number') invalid.push({ questionId: q.id, reason: 'type' });
        else if (value < 0 || value > points) invalid.push({ questionId: q.id, reason: 'range' });
        else score += value;
        break;
      case 'number':
        if (typeof value !== 'number') invalid.push({ questionId: q.id, reason: 'type' });
        break;
      case 'text':
        if (typeof value !== 'string') invalid.push({ questionId: q.id, reason: 'type' });
        break;
    }
  }
  return { score, maxScore, missing, invalid };
}

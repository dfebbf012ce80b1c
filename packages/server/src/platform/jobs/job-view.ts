import type { Job } from '@tuoitho/domain';
import type { Lang } from '../i18n/messages';
import type { JobRow } from './jobs';

/** Messages of job failures; the detail of an unexpected error stays in the log. */
const jobErrorMessages: Record<string, { vi: string; en: string }> = {
  job_lost: {
    vi: 'Công việc bị gián đoạn nhiều lần (máy chủ khởi động lại). Vui lòng thực hiện lại.',
    en: 'The job was interrupted several times (server restarts). Please run it again.',
  },
  job_error: {
    vi: 'Công việc gặp lỗi hệ thống. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên.',
    en: 'The job failed with a system error. Try again; if it persists, tell the administrator.',
  },
};

/** A job as the API shows it, with the failure message in the caller's language. */
export function toJobView(
  row: JobRow,
  lang: Lang,
  messages: Record<string, { vi: string; en: string }> = {},
): Job {
  const code = row.error_code;
  const text = code ? (messages[code] ?? jobErrorMessages[code] ?? jobErrorMessages.job_error) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: { done: row.progress_done, total: row.progress_total, stage: row.progress_stage },
    result: row.status === 'succeeded' ? (row.result ?? null) : null,
    error: row.status === 'failed' && code && text ? { code, message: text[lang] } : null,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

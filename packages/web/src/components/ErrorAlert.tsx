import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../lib/errors';
import { isApiError } from '../lib/problem';

interface ErrorAlertProps {
  error: unknown;
  /** Shown above the server's message, e.g. "Không tải được dữ liệu". */
  title?: string;
  onRetry?: () => void;
  /** Text of the retry button; "Thử lại" by default. */
  retryLabel?: string;
  /** Messages of field errors that no form field could show. */
  extra?: string[];
}

/** A failed request as an alert: the server's Vietnamese (or English) message, never a stack trace. */
export function ErrorAlert({ error, title, onRetry, retryLabel, extra = [] }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = describeError(error, t);
  // The request id helps the administrator find a server failure in the logs.
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? message}
      description={
        title || extra.length > 0 || requestId ? (
          <>
            {title ? <div>{message}</div> : null}
            {extra.map((line) => (
              <div key={line}>{line}</div>
            ))}
            {requestId ? <small>{`${t('audit.requestId')}: ${requestId}`}</small> : null}
          </>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {retryLabel ?? t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

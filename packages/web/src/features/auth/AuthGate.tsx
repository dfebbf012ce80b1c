import { Flex, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessionQuery } from './api';
import { ForcedMfaEnrolPage, ForcedPasswordChangePage } from './ForcedSteps';
import { LoginPage } from './LoginPage';
import { MfaVerifyPage } from './MfaVerifyPage';

/**
 * Renders the application only for an active session; otherwise the step the session is at:
 * sign in, 2FA code, forced 2FA enrolment, forced password change. The URL is kept, so the user
 * lands on the page they asked for once signed in.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSessionQuery();

  if (session.isPending) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" description={t('common.loading')} />
      </Flex>
    );
  }
  if (session.isError && session.data === undefined) {
    return (
      <Result
        status="warning"
        title={t('errors.loadFailed')}
        extra={<ErrorAlert error={session.error} onRetry={() => void session.refetch()} />}
      />
    );
  }
  const info = session.data;
  if (!info) return <LoginPage />;
  if (info.stage === 'mfa') return <MfaVerifyPage />;
  if (info.stage === 'mfa_enrol') return <ForcedMfaEnrolPage session={info} />;
  if (info.user.mustChangePassword) return <ForcedPasswordChangePage session={info} />;
  return <>{children}</>;
}

import type { SessionInfo } from '@tuoitho/domain';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { AuthCard } from './AuthCard';
import { useLogout, useRefreshSession } from './api';
import { ChangePasswordForm } from './ChangePasswordForm';
import { MfaEnrolmentFlow } from './MfaEnrolmentFlow';

function SignOutLink() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <Button type="link" block onClick={() => logout.mutate(false)} style={{ marginTop: 8 }}>
      {t('nav.logout')}
    </Button>
  );
}

/** Stage `mfa_enrol`: a role of the user requires 2FA, so nothing else is allowed until it is set up. */
export function ForcedMfaEnrolPage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const refreshSession = useRefreshSession();
  return (
    <AuthCard title={t('auth.enrol.title')} width={520}>
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('auth.enrol.requiredIntro')} />
        <MfaEnrolmentFlow username={session.user.username} onFinished={() => void refreshSession()} />
      </Flex>
      <SignOutLink />
    </AuthCard>
  );
}

/** `mustChangePassword`: a temporary password set by an administrator must be replaced first. */
export function ForcedPasswordChangePage({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  return (
    <AuthCard title={t('auth.password.forcedTitle')} width={480}>
      <Flex vertical gap={16}>
        <Alert type="warning" showIcon title={t('auth.password.forcedIntro')} />
        <ChangePasswordForm username={session.user.username} />
      </Flex>
      <SignOutLink />
    </AuthCard>
  );
}

import { CheckCircleFilled, CloseCircleOutlined } from '@ant-design/icons';
import { checkPasswordPolicy, type PasswordRule, passwordPolicyMessages } from '@tuoitho/domain';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n';

const shownRules: PasswordRule[] = ['too_short', 'needs_lower', 'needs_upper', 'needs_digit', 'needs_symbol'];

/** The message of a broken password rule, in the current language. */
export function passwordRuleMessage(rule: PasswordRule): string {
  return passwordPolicyMessages[rule][currentLanguage()];
}

/** The first broken rule's message, for a form validator; undefined when the password is acceptable. */
export function firstPasswordProblem(password: string, username?: string): string | undefined {
  const [rule] = checkPasswordPolicy(password, username);
  return rule ? passwordRuleMessage(rule) : undefined;
}

/** Live list of the password policy (the same pure rule the server applies). */
export function PasswordPolicyChecklist({ password, username }: { password: string; username?: string }) {
  const { t } = useTranslation();
  const broken = new Set(checkPasswordPolicy(password, username));
  const rules = broken.has('contains_username') ? [...shownRules, 'contains_username' as const] : shownRules;
  return (
    <Flex vertical gap={2} style={{ marginTop: 4 }} aria-label={t('auth.password.policy')}>
      {rules.map((rule) => {
        const isMet = password.length > 0 && !broken.has(rule);
        return (
          <Typography.Text key={rule} type={isMet ? 'success' : 'secondary'} style={{ fontSize: 13 }}>
            {isMet ? <CheckCircleFilled aria-hidden /> : <CloseCircleOutlined aria-hidden />}{' '}
            {passwordRuleMessage(rule)}
          </Typography.Text>
        );
      })}
    </Flex>
  );
}

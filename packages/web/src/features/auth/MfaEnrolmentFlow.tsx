import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Spin, Steps, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyFieldErrors } from '../../lib/errors';
import { useMfaConfirm, useMfaEnrol } from './api';
import { RecoveryCodesView } from './RecoveryCodesView';

/** Groups a base32 secret in fours so it can be typed without losing one's place. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

interface MfaEnrolmentFlowProps {
  username: string;
  /** Called once the user has confirmed saving the recovery codes. */
  onFinished: () => void;
}

/** Enrol → scan QR → confirm a code → recovery codes. Used by the forced enrolment and the profile. */
export function MfaEnrolmentFlow({ username, onFinished }: MfaEnrolmentFlowProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  const enrol = useMfaEnrol();
  const confirm = useMfaConfirm();
  const hasStarted = useRef(false);
  const startEnrolment = enrol.mutate;

  useEffect(() => {
    // One secret per visit: React's development double effects must not create two.
    if (hasStarted.current) return;
    hasStarted.current = true;
    startEnrolment();
  }, [startEnrolment]);

  if (confirm.data) {
    return <RecoveryCodesView codes={confirm.data.recoveryCodes} username={username} onDone={onFinished} />;
  }
  if (enrol.error) return <ErrorAlert error={enrol.error} onRetry={() => enrol.mutate()} />;
  if (!enrol.data) {
    return (
      <Flex vertical align="center" gap={8} style={{ padding: 24 }}>
        <Spin />
        <Typography.Text type="secondary">{t('auth.enrol.starting')}</Typography.Text>
      </Flex>
    );
  }

  const submit = ({ code }: { code: string }) => {
    confirm.mutate(code.trim(), {
      onError: (error) => {
        applyFieldErrors(form, error, ['code']);
        form.setFieldValue('code', '');
      },
    });
  };

  return (
    <Flex vertical gap={16}>
      <Steps
        orientation="vertical"
        size="small"
        current={-1}
        items={[
          { title: t('auth.enrol.step1') },
          { title: t('auth.enrol.step2') },
          { title: t('auth.enrol.step3') },
        ]}
      />
      <Flex vertical align="center" gap={8}>
        <img
          src={enrol.data.qrCodeDataUrl}
          alt={t('auth.enrol.qrAlt')}
          width={200}
          height={200}
          style={{ imageRendering: 'pixelated', border: '1px solid #e5e7eb', borderRadius: 8 }}
        />
        <Typography.Text type="secondary">{t('auth.enrol.secret')}</Typography.Text>
        <Typography.Text
          code
          copyable={{ text: enrol.data.secret }}
          style={{ fontSize: 15, textAlign: 'center', maxWidth: '100%', overflowWrap: 'anywhere' }}
        >
          {groupSecret(enrol.data.secret)}
        </Typography.Text>
        <Button type="link" size="small" icon={<ReloadOutlined />} onClick={() => enrol.mutate()}>
          {t('auth.enrol.restart')}
        </Button>
      </Flex>
      <Form form={form} name="mfaConfirm" layout="vertical" onFinish={submit} requiredMark={false}>
        {confirm.error ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={confirm.error} />
          </div>
        ) : null}
        <Form.Item
          name="code"
          label={t('auth.enrol.code')}
          rules={[{ required: true, pattern: /^\s*\d{6}\s*$/, message: t('auth.enrol.codeInvalid') }]}
        >
          <Input
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            style={{ letterSpacing: 4, fontFamily: 'monospace' }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={confirm.isPending}>
          {t('auth.enrol.confirm')}
        </Button>
      </Form>
    </Flex>
  );
}

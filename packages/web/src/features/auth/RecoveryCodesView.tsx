import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/dates';
import { copyText, downloadTextFile } from '../../lib/download';

interface RecoveryCodesViewProps {
  codes: string[];
  username: string;
  onDone: () => void;
}

/** The recovery codes, shown once: copy, download, and confirm they were saved before going on. */
export function RecoveryCodesView({ codes, username, onDone }: RecoveryCodesViewProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isSaved, setIsSaved] = useState(false);

  const asText = () =>
    [
      t('auth.recovery.fileHeader', { username }),
      formatDateTime(new Date().toISOString()),
      t('auth.recovery.fileNote'),
      '',
      ...codes,
      '',
    ].join('\n');

  const copyAll = async () => {
    if (await copyText(codes.join('\n'))) void message.success(t('common.copied'));
  };

  return (
    <Flex vertical gap={16}>
      <Alert
        type="warning"
        showIcon
        title={t('auth.recovery.title')}
        description={t('auth.recovery.intro')}
      />
      <ol
        aria-label={t('auth.recovery.title')}
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))',
          gap: '6px 16px',
          padding: 16,
          margin: 0,
          listStyle: 'none',
          background: '#f6f8fa',
          borderRadius: 8,
        }}
      >
        {codes.map((code) => (
          <li key={code}>
            <Typography.Text code style={{ fontSize: 15 }}>
              {code}
            </Typography.Text>
          </li>
        ))}
      </ol>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copyAll()}>
          {t('auth.recovery.copyAll')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => downloadTextFile(`tuoitho-ma-khoi-phuc-${username}.txt`, asText())}
        >
          {t('auth.recovery.download')}
        </Button>
      </Flex>
      <Checkbox checked={isSaved} onChange={(event) => setIsSaved(event.target.checked)}>
        {t('auth.recovery.saved')}
      </Checkbox>
      <Button type="primary" disabled={!isSaved} onClick={onDone}>
        {t('auth.recovery.done')}
      </Button>
    </Flex>
  );
}

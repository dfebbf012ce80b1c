import { CameraOutlined, DeleteOutlined, FilePdfOutlined } from '@ant-design/icons';
import { EVIDENCE_MAX_BYTES, type Evidence } from '@tuoitho/domain';
import { App, Button, Flex, Image, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../lib/errors';
import { evidenceFileUrl, useDeleteEvidence } from './api';
import { isImage } from './inspectionText';

export const EVIDENCE_ACCEPT = 'image/*,application/pdf';

interface EvidenceListProps {
  evidence: readonly Evidence[];
  /** Sends a chosen file; absent when the list is read-only. */
  onUpload?: ((file: File) => Promise<unknown>) | undefined;
  isUploading?: boolean;
  /** Evidence may be removed (a draft session). */
  canDelete?: boolean;
  testId?: string;
}

/**
 * Photos (as thumbnails that open large) and PDFs (as links) attached as evidence, with a button
 * that opens the camera or the files on a tablet. Files go as raw bytes; the server checks them.
 */
export function EvidenceList({ evidence, onUpload, isUploading, canDelete, testId }: EvidenceListProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const remove = useDeleteEvidence();

  const send = (file: File) => {
    if (!onUpload) return;
    if (file.size > EVIDENCE_MAX_BYTES) {
      void message.error(
        t('inspections.evidence.tooLarge', { size: Math.round(EVIDENCE_MAX_BYTES / 1024 / 1024) }),
      );
      return;
    }
    onUpload(file).then(
      () => void message.success(t('inspections.evidence.uploaded', { name: file.name })),
      (error: unknown) =>
        void message.error({
          content: `${t('inspections.evidence.rejected')} ${describeError(error, t)}`,
          duration: 8,
        }),
    );
  };

  const confirmRemove = (item: Evidence) =>
    void modal.confirm({
      title: t('inspections.evidence.removeTitle'),
      content: item.file.fileName,
      okText: t('inspections.evidence.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(item.id),
    });

  return (
    <Flex gap={8} wrap align="center" data-testid={testId}>
      <Image.PreviewGroup>
        {evidence.map((item) => (
          <Flex key={item.id} vertical align="center" gap={2} style={{ width: 88 }}>
            {isImage(item.file.contentType) ? (
              <Image
                src={evidenceFileUrl(item.id)}
                alt={item.caption ?? item.file.fileName}
                width={80}
                height={80}
                style={{ objectFit: 'cover', borderRadius: 6 }}
              />
            ) : (
              <a
                href={evidenceFileUrl(item.id)}
                download={item.file.fileName}
                style={{
                  display: 'flex',
                  width: 80,
                  height: 80,
                  alignItems: 'center',
                  justifyContent: 'center',
                  border: '1px solid #d9d9d9',
                  borderRadius: 6,
                }}
                aria-label={item.file.fileName}
              >
                <FilePdfOutlined style={{ fontSize: 32 }} />
              </a>
            )}
            <Typography.Text
              ellipsis={{ tooltip: item.caption ?? item.file.fileName }}
              style={{ fontSize: 12, maxWidth: 88 }}
            >
              {item.caption ?? item.file.fileName}
            </Typography.Text>
            {canDelete ? (
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('inspections.evidence.remove')}
                onClick={() => confirmRemove(item)}
              />
            ) : null}
          </Flex>
        ))}
      </Image.PreviewGroup>
      {evidence.length === 0 && !onUpload ? (
        <Typography.Text type="secondary">{t('inspections.evidence.none')}</Typography.Text>
      ) : null}
      {onUpload ? (
        <Upload
          accept={EVIDENCE_ACCEPT}
          showUploadList={false}
          multiple
          beforeUpload={(file) => {
            send(file);
            return false;
          }}
        >
          <Button size="large" icon={<CameraOutlined />} loading={isUploading} style={{ minHeight: 48 }}>
            {t('inspections.evidence.add')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}

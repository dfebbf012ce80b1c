import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { DOCUMENT_FILE_MAX_BYTES, type PlanDocument } from '@tuoitho/domain';
import { App, Button, Flex, Tooltip, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../lib/errors';
import { useLanguage } from '../../children/ChildTags';
import { documentFileUrl, useDeleteDocumentFile, useUploadDocumentFile } from '../api';
import { documentContentType, formatFileSize } from '../programmeText';

/**
 * The file of a document: a download link, and for those who may edit it an upload (PDF or DOCX,
 * sent as raw bytes; the server checks the content and its problem message is shown as it is)
 * and a removal.
 */
export function DocumentFileCell({ document, canWrite }: { document: PlanDocument; canWrite: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const upload = useUploadDocumentFile();
  const remove = useDeleteDocumentFile();
  const file = document.file;
  const mayEdit = canWrite && document.canEdit;

  const send = (chosen: File) => {
    if (chosen.size > DOCUMENT_FILE_MAX_BYTES) {
      void message.error(
        t('planDocuments.file.tooLarge', { size: formatFileSize(DOCUMENT_FILE_MAX_BYTES, language) }),
      );
      return;
    }
    upload.mutate(
      { id: document.id, file: chosen, contentType: documentContentType(chosen.name, chosen.type) },
      {
        onSuccess: () => void message.success(t('planDocuments.file.uploaded', { name: chosen.name })),
        onError: (error) =>
          void message.error({
            content: `${t('planDocuments.file.rejected')} ${describeError(error, t)}`,
            duration: 8,
            key: `document-file-${document.id}`,
          }),
      },
    );
  };

  const confirmRemove = () =>
    void modal.confirm({
      title: t('planDocuments.file.removeTitle'),
      content: file?.fileName,
      okText: t('planDocuments.file.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync(document.id),
    });

  const uploadButton = mayEdit ? (
    <Upload
      accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
      showUploadList={false}
      maxCount={1}
      beforeUpload={(chosen) => {
        send(chosen);
        return false;
      }}
    >
      <Tooltip title={file ? t('planDocuments.file.replace') : undefined}>
        <Button
          size="small"
          icon={<UploadOutlined />}
          loading={upload.isPending}
          data-testid={`document-upload-${document.id}`}
          aria-label={file ? t('planDocuments.file.replace') : t('planDocuments.file.upload')}
        >
          {file ? null : t('planDocuments.file.upload')}
        </Button>
      </Tooltip>
    </Upload>
  ) : null;

  if (!file) {
    return uploadButton ?? <Typography.Text type="secondary">{t('planDocuments.file.none')}</Typography.Text>;
  }
  return (
    <Flex gap={4} align="center" wrap>
      <a
        href={documentFileUrl(document.id)}
        download={file.fileName}
        data-testid={`document-file-${document.id}`}
      >
        <PaperClipOutlined />{' '}
        <Typography.Text ellipsis={{ tooltip: file.fileName }} style={{ maxWidth: 120, color: 'inherit' }}>
          {file.fileName}
        </Typography.Text>
      </a>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        ({formatFileSize(file.size, language)})
      </Typography.Text>
      {uploadButton}
      {mayEdit ? (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('planDocuments.file.remove')}
          loading={remove.isPending}
          onClick={confirmRemove}
        />
      ) : null}
    </Flex>
  );
}

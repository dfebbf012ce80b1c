import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { Case, CaseDocumentFormat } from '@tuoitho/domain';
import { Alert, App, Button, Empty, Flex, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { describeError } from '../../../lib/errors';
import { useLanguage } from '../../children/ChildTags';
import { downloadCaseDocument, useCaseDocuments } from '../api';
import { UnverifiedDeadlineTag } from '../CaseTags';

/** "Tài liệu": the forms of Decree 56 filled from the case, as .docx or .pdf. */
export function CaseDocumentsTab({ caseData }: { caseData: Case }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const documents = useCaseDocuments(caseData.id);
  const [busy, setBusy] = useState<string | null>(null);

  const download = async (form: string, format: CaseDocumentFormat) => {
    setBusy(`${form}.${format}`);
    try {
      await downloadCaseDocument(caseData.id, form, format, `${caseData.number}-mau-${form}.${format}`);
    } catch (error) {
      void message.error(describeError(error, t));
    } finally {
      setBusy(null);
    }
  };

  if (documents.isPending) return <Spin />;
  if (documents.isError)
    return <ErrorAlert error={documents.error} onRetry={() => void documents.refetch()} />;
  const { items, canDownload, pdfAvailable } = documents.data;
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <>
      {canDownload ? null : (
        <Alert
          type="info"
          showIcon
          title={t('cases.documents.cannotDownload')}
          style={{ marginBottom: 12 }}
        />
      )}
      <Flex vertical data-testid="case-documents">
        {items.map((document, index) => {
          const name = language === 'en' ? document.nameEn : document.nameVi;
          const buttons = (['docx', 'pdf'] as const).map((format) => (
            <Button
              key={format}
              icon={format === 'docx' ? <FileWordOutlined /> : <FilePdfOutlined />}
              disabled={!document.isReady || !canDownload || (format === 'pdf' && !pdfAvailable)}
              title={format === 'pdf' && !pdfAvailable ? t('cases.documents.pdfUnavailable') : undefined}
              loading={busy === `${document.form}.${format}`}
              onClick={() => void download(document.form, format)}
              data-testid={`document-${document.form}-${format}`}
              aria-label={`${t('common.download')} ${t('cases.documents.form', { form: document.form })} .${format}`}
            >
              .{format}
            </Button>
          ));
          return (
            <Flex
              key={document.form}
              justify="space-between"
              align="center"
              gap={12}
              wrap
              style={{ padding: '12px 0', borderTop: index === 0 ? undefined : '1px solid #f0f0f0' }}
            >
              <div style={{ minWidth: 0, flex: '1 1 320px' }}>
                <Flex gap={8} wrap align="center">
                  <Tag color={document.isReady ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }}>
                    {t('cases.documents.form', { form: document.form })}
                  </Tag>
                  <Typography.Text strong>{name}</Typography.Text>
                  {document.verified ? null : <UnverifiedDeadlineTag legalRef={document.legalRef} />}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {document.legalRef}
                  {document.isReady ? '' : ` · ${t('cases.documents.notReady')}`}
                </Typography.Text>
              </div>
              {document.isReady ? (
                <Flex gap={8}>{buttons}</Flex>
              ) : (
                <Tooltip title={t('cases.documents.notReady')}>
                  <Flex gap={8}>{buttons}</Flex>
                </Tooltip>
              )}
            </Flex>
          );
        })}
      </Flex>
    </>
  );
}

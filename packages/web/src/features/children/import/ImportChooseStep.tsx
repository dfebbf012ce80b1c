import { DeleteOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import type { ChildImport } from '@tuoitho/domain';
import { Alert, Button, Flex, Form, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useSession } from '../../auth/api';
import { useLanguage } from '../ChildTags';
import { UnitCodePicker } from '../UnitCodePicker';
import { importTemplateUrl, useUploadImport } from './api';
import { checkImportFile, formatFileSize, IMPORT_FORMATS, importProblemOf } from './importWizard';

/**
 * Step 1: the commune that receives the list (the officer's own by default) and the file, checked
 * for its type and size before it is sent; links to the empty template.
 */
export function ImportChooseStep({ onUploaded }: { onUploaded: (childImport: ChildImport) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { user } = useSession();
  const [unitCode, setUnitCode] = useState<string | undefined>(
    user.unit.level === 'commune' ? user.unit.code : undefined,
  );
  const [file, setFile] = useState<File>();
  const [fileProblem, setFileProblem] = useState<string>();
  const [isSubmitted, setSubmitted] = useState(false);
  const upload = useUploadImport();
  const problem = importProblemOf(upload.error);

  const chooseFile = (chosen: File) => {
    upload.reset();
    const reason = checkImportFile(chosen);
    setFileProblem(reason ? t(`childImport.fileProblems.${reason}`) : undefined);
    setFile(reason ? undefined : chosen);
  };

  const start = () => {
    setSubmitted(true);
    if (!unitCode || !file) return;
    upload.mutate({ file, unitCode }, { onSuccess: onUploaded });
  };

  return (
    <Form
      layout="vertical"
      onFinish={start}
      requiredMark={false}
      style={{ maxWidth: 720 }}
      data-testid="import-choose"
    >
      <Form.Item
        label={t('childImport.choose.unit')}
        htmlFor="import-unit"
        required
        validateStatus={isSubmitted && !unitCode ? 'error' : undefined}
        help={isSubmitted && !unitCode ? t('childImport.choose.unitRequired') : undefined}
      >
        <UnitCodePicker
          id="import-unit"
          level="commune"
          value={unitCode}
          onChange={setUnitCode}
          within={user.unit.level === 'commune' ? undefined : user.unit.code}
        />
      </Form.Item>
      <Form.Item
        label={t('childImport.choose.file')}
        required
        validateStatus={fileProblem || (isSubmitted && !file) ? 'error' : undefined}
        help={fileProblem ?? (isSubmitted && !file ? t('childImport.choose.fileRequired') : undefined)}
      >
        <Upload.Dragger
          accept={IMPORT_FORMATS.map((format) => `.${format}`).join(',')}
          multiple={false}
          showUploadList={false}
          beforeUpload={(chosen) => {
            chooseFile(chosen);
            // The file is sent by "Kiểm tra tệp", with the chosen commune.
            return false;
          }}
          data-testid="import-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('childImport.choose.drop')}</p>
          <p className="ant-upload-hint">{t('childImport.choose.dropHint')}</p>
        </Upload.Dragger>
      </Form.Item>
      {file ? (
        <Flex
          align="center"
          gap={8}
          wrap
          style={{ marginTop: -8, marginBottom: 16 }}
          data-testid="import-chosen"
        >
          <FileExcelOutlined aria-hidden style={{ color: '#1d6f42', fontSize: 18 }} />
          <Typography.Text>
            {t('childImport.choose.chosen')}: <strong>{file.name}</strong> (
            {formatFileSize(file.size, language)})
          </Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('childImport.choose.remove')}
            title={t('childImport.choose.remove')}
            onClick={() => {
              setFile(undefined);
              upload.reset();
            }}
          />
        </Flex>
      ) : null}
      {upload.isError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert
            error={upload.error}
            title={problem === 'tooLarge' ? t('childImport.problems.tooLarge') : undefined}
          />
        </div>
      ) : null}
      <Button type="primary" htmlType="submit" size="large" loading={upload.isPending}>
        {t('childImport.choose.start')}
      </Button>
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 24 }}
        title={
          <Flex gap={12} wrap align="center">
            <span>{t('childImport.choose.template')}</span>
            {IMPORT_FORMATS.map((format) => (
              <a key={format} href={importTemplateUrl(format)} download>
                {t(format === 'xlsx' ? 'childImport.choose.templateExcel' : 'childImport.choose.templateCsv')}
              </a>
            ))}
          </Flex>
        }
        description={t('childImport.choose.templateHint')}
      />
    </Form>
  );
}

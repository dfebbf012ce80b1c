import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { Activity, AttendanceImportReport } from '@tuoitho/domain';
import { Alert, App, Button, Descriptions, Flex, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { attendanceSheetUrl, useImportAttendanceSheet } from './api';
import { sheetFileProblem } from './participation';

/** What the dry run found: the counts, and the rows that could not be read, by row number. */
function ImportReport({ report }: { report: AttendanceImportReport }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="attendance-sheet-report">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'rows', label: t('activities.sheet.rows'), children: report.rows },
          { key: 'matched', label: t('activities.sheet.matched'), children: report.matched },
          { key: 'added', label: t('activities.sheet.added'), children: report.added },
          { key: 'marks', label: t('activities.sheet.marks'), children: report.attendanceMarks },
          { key: 'outcomes', label: t('activities.sheet.outcomes'), children: report.outcomes },
          { key: 'problems', label: t('activities.sheet.problems'), children: report.problems.length },
        ]}
      />
      {report.problems.length > 0 ? (
        <Table
          size="small"
          rowKey={(problem) => `${problem.row}-${problem.message}`}
          dataSource={report.problems}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          data-testid="attendance-sheet-problems"
          columns={[
            { key: 'row', title: t('activities.sheet.row'), dataIndex: 'row', width: 70, align: 'right' },
            { key: 'name', title: t('activities.participants.name'), dataIndex: 'name', width: 200 },
            { key: 'message', title: t('activities.sheet.message'), dataIndex: 'message' },
          ]}
        />
      ) : (
        <Alert type="success" showIcon title={t('activities.sheet.noProblems')} />
      )}
    </Flex>
  );
}

/**
 * The class list in Excel: download it with a column per session and the outcome columns, fill
 * it in at the pool, and upload it back. The upload is first a dry run; nothing is written until
 * the officer confirms.
 */
export function AttendanceSheet({ activity, canWrite }: { activity: Activity; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const upload = useImportAttendanceSheet(activity.id);
  const [file, setFile] = useState<File | undefined>();
  const [report, setReport] = useState<AttendanceImportReport | undefined>();
  const [fileProblem, setFileProblem] = useState<string | undefined>();

  const close = () => {
    setFile(undefined);
    setReport(undefined);
    upload.reset();
  };

  const check = (chosen: File) => {
    const problem = sheetFileProblem(chosen);
    if (problem) {
      setFileProblem(t(problem === 'type' ? 'activities.sheet.wrongType' : 'activities.sheet.tooLarge'));
      return;
    }
    setFileProblem(undefined);
    setFile(chosen);
    setReport(undefined);
    upload.mutate({ file: chosen, dryRun: true }, { onSuccess: setReport });
  };

  const write = () => {
    if (!file) return;
    upload.mutate(
      { file, dryRun: false },
      {
        onSuccess: (written) => {
          void message.success(
            t('activities.sheet.done', { marks: written.attendanceMarks, outcomes: written.outcomes }),
          );
          close();
        },
      },
    );
  };

  return (
    <Flex vertical gap={8} align="flex-end">
      <Flex gap={8} wrap>
        <Button
          icon={<DownloadOutlined />}
          href={attendanceSheetUrl(activity.id)}
          download
          data-testid="attendance-sheet-download"
        >
          {t('activities.sheet.download')}
        </Button>
        {canWrite ? (
          <span data-testid="attendance-sheet-upload">
            <Upload
              accept=".xlsx"
              multiple={false}
              showUploadList={false}
              beforeUpload={(chosen) => {
                check(chosen);
                // The file is sent by our own request (a dry run first), not by the Upload.
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending && !file}>
                {t('activities.sheet.upload')}
              </Button>
            </Upload>
          </span>
        ) : null}
      </Flex>
      {fileProblem ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setFileProblem(undefined) }}
          title={fileProblem}
        />
      ) : null}
      <Modal
        open={file !== undefined}
        width={760}
        title={t('activities.sheet.title', { file: file?.name ?? '' })}
        onCancel={close}
        onOk={write}
        okText={t('activities.sheet.confirm')}
        okButtonProps={
          {
            disabled: !report || report.matched === 0,
            'data-testid': 'attendance-sheet-confirm',
          } as never
        }
        cancelText={t('common.cancel')}
        confirmLoading={upload.isPending && report !== undefined}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          {upload.isPending && !report ? (
            <Typography.Text>{t('activities.sheet.checking')}</Typography.Text>
          ) : null}
          {upload.error ? <ErrorAlert error={upload.error} /> : null}
          {report ? (
            <>
              <Typography.Text type="secondary">{t('activities.sheet.dryRunIntro')}</Typography.Text>
              <ImportReport report={report} />
            </>
          ) : null}
        </Flex>
      </Modal>
    </Flex>
  );
}

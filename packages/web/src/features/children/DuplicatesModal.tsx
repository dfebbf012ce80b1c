import { ExportOutlined } from '@ant-design/icons';
import { type DuplicateCandidate, duplicateReasonLabels, sexLabels } from '@tuoitho/domain';
import { Alert, Button, Card, Flex, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from './ChildTags';
import { formatDateOfBirth, labelOf } from './childText';

interface DuplicatesModalProps {
  candidates: DuplicateCandidate[];
  open: boolean;
  creating: boolean;
  onBack: () => void;
  onCreateAnyway: () => void;
}

/**
 * Before a child is created: the children of the registry that may be the same child, best
 * first, with the reasons. The officer opens one of them, goes back to the form, or creates anyway.
 */
export function DuplicatesModal({
  candidates,
  open,
  creating,
  onBack,
  onCreateAnyway,
}: DuplicatesModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Modal
      open={open}
      title={t('children.duplicates.title')}
      onCancel={onBack}
      width={640}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onBack} autoFocus>
            {t('children.duplicates.back')}
          </Button>
          <Button danger loading={creating} onClick={onCreateAnyway} data-testid="create-anyway">
            {t('children.duplicates.createAnyway')}
          </Button>
        </Flex>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t('children.duplicates.intro', { count: candidates.length })}
        style={{ marginBottom: 12 }}
      />
      <Flex vertical gap={8} role="list">
        {candidates.map(({ child, score, likelihood, reasons }) => (
          <Card key={child.id} size="small" role="listitem">
            <Flex justify="space-between" align="flex-start" gap={8} wrap>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong style={{ fontSize: 15 }}>
                  {child.fullName}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {[
                      labelOf(sexLabels, child.sex, language),
                      `${formatDateOfBirth(child.dateOfBirth)} (${t('children.ageYears', { count: child.ageYears })})`,
                      child.village,
                      child.unitName,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
                {child.personalId ? (
                  <Typography.Text type="secondary" className="tt-mono" style={{ fontSize: 12 }}>
                    {child.personalId}
                  </Typography.Text>
                ) : null}
                {child.householdHeadName || child.caregiverNames.length > 0 ? (
                  <div style={{ fontSize: 13 }}>
                    {[
                      child.householdHeadName
                        ? `${t('children.headShort')}: ${child.householdHeadName}`
                        : null,
                      child.caregiverNames.filter((name) => name !== child.householdHeadName).join(', ') ||
                        null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                ) : null}
              </div>
              <Flex vertical align="flex-end" gap={4}>
                <Tag color={likelihood === 'likely' ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }}>
                  {t(`children.duplicates.${likelihood}`)}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('children.duplicates.score', { percent: Math.round(score * 100) })}
                </Typography.Text>
              </Flex>
            </Flex>
            <Flex gap={4} wrap style={{ margin: '8px 0' }}>
              {reasons.map((reason) => (
                <Tag
                  key={reason}
                  color={reason.endsWith('_differs') ? undefined : 'blue'}
                  style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}
                >
                  {labelOf(duplicateReasonLabels, reason, language)}
                </Tag>
              ))}
            </Flex>
            <Link to={`/children/${child.id}`}>
              <ExportOutlined aria-hidden /> {t('children.duplicates.open')}
            </Link>
          </Card>
        ))}
      </Flex>
    </Modal>
  );
}

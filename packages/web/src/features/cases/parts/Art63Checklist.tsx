import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { type Art63Condition, type Art63Conditions, art63ConditionInfo } from '@tuoitho/domain';
import { Checkbox, Flex, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../children/ChildTags';
import { art63Conditions } from './caseParts';

/** "Chưa xác minh": the legal reference of a condition was not checked against the gazette. */
function UnverifiedTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('caseParts.placements.unverifiedHint')}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('caseParts.placements.unverified')}
      </Tag>
    </Tooltip>
  );
}

function ConditionText({ condition }: { condition: Art63Condition }) {
  const language = useLanguage();
  const info = art63ConditionInfo[condition];
  return (
    <span>
      {info[language]}{' '}
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        ({info.ref})
      </Typography.Text>{' '}
      {info.verified ? null : <UnverifiedTag />}
    </span>
  );
}

/** The Art. 63 checklist as recorded on a placement: met or not, with the legal reference. */
export function Art63ChecklistView({ conditions }: { conditions: Art63Conditions }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={4} data-testid="placement-art63">
      {art63Conditions.map((condition) => (
        <Flex key={condition} gap={8} align="flex-start">
          {conditions[condition] ? (
            <CheckCircleFilled
              style={{ color: '#389e0d', marginTop: 4 }}
              aria-label={t('caseParts.placements.art63Met')}
            />
          ) : (
            <CloseCircleFilled
              style={{ color: '#cf1322', marginTop: 4 }}
              aria-label={t('caseParts.placements.art63NotMet')}
            />
          )}
          <ConditionText condition={condition} />
        </Flex>
      ))}
    </Flex>
  );
}

/** The checklist as a form field: the value is the list of ticked conditions. */
export function Art63ChecklistInput({
  value,
  onChange,
  id,
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  const ticked = value ?? [];
  const isAll = ticked.length === art63Conditions.length;
  return (
    <Flex vertical gap={6} id={id} data-testid="placement-art63-input">
      <Checkbox
        checked={isAll}
        indeterminate={ticked.length > 0 && !isAll}
        onChange={(event) => onChange?.(event.target.checked ? [...art63Conditions] : [])}
      >
        <Typography.Text strong>{t('caseParts.placements.art63All')}</Typography.Text>
      </Checkbox>
      <Checkbox.Group value={ticked} onChange={(next) => onChange?.(next as string[])}>
        <Flex vertical gap={6}>
          {art63Conditions.map((condition) => (
            <Checkbox key={condition} value={condition} data-testid={`art63-${condition}`}>
              <ConditionText condition={condition} />
            </Checkbox>
          ))}
        </Flex>
      </Checkbox.Group>
    </Flex>
  );
}

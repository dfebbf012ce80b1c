import {
  type AtRiskFlag,
  atRiskFlagLabels,
  type ChildStatus,
  childStatusLabels,
  type SpecialCircumstanceCatalogue,
} from '@tuoitho/domain';
import { Flex, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupTitle, type Language, labelOf } from './childText';

/** The interface language, re-rendering the caller when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'vi';
}

const statusColors: Record<ChildStatus, string> = {
  active: 'green',
  moved_away: 'blue',
  turned_16: 'default',
  deceased: 'default',
};

export function ChildStatusTag({ status }: { status: ChildStatus }) {
  const language = useLanguage();
  return (
    <Tag color={statusColors[status]} style={{ marginInlineEnd: 0 }}>
      {labelOf(childStatusLabels, status, language)}
    </Tag>
  );
}

/** Group letters as tags; the name of the group (Luật Trẻ em Art. 10) in a tooltip. */
export function GroupTags({
  groups,
  catalogue,
}: {
  groups: readonly string[];
  catalogue: SpecialCircumstanceCatalogue;
}) {
  const language = useLanguage();
  if (groups.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {groups.map((group) => {
        const title = groupTitle(catalogue, group, language);
        return (
          <Tooltip key={group} title={title}>
            <Tag
              color="volcano"
              style={{ marginInlineEnd: 0, minWidth: 24, textAlign: 'center' }}
              aria-label={title}
            >
              {group}
            </Tag>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

export function AtRiskTags({ flags }: { flags: readonly AtRiskFlag[] }) {
  const language = useLanguage();
  if (flags.length === 0) return null;
  return (
    <Flex gap={4} wrap>
      {flags.map((flag) => (
        <Tag key={flag} color="gold" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
          {labelOf(atRiskFlagLabels, flag, language)}
        </Tag>
      ))}
    </Flex>
  );
}

/** "chưa xác minh": the catalogue entry was not yet confirmed against the official text. */
export function UnverifiedTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('children.unverifiedHint')}>
      <Tag color="orange" style={{ marginInlineEnd: 0 }}>
        {t('children.unverified')}
      </Tag>
    </Tooltip>
  );
}

import { foldVietnamese } from '@tuoitho/domain';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useEthnicGroups } from './api';
import { useLanguage } from './ChildTags';

interface EthnicitySelectProps {
  value?: string | null | undefined;
  onChange?: (code: string | undefined) => void;
  id?: string;
}

/** The 54 ethnic groups (and "người nước ngoài"); typing "muong", "ede" or "hmong" finds them. */
export function EthnicitySelect({ value, onChange, id }: EthnicitySelectProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const groups = useEthnicGroups();
  const options = groups.map((group) => ({
    value: group.code,
    label: language === 'en' ? group.nameEn : group.nameVi,
    search: foldVietnamese([group.nameVi, group.nameEn, ...group.aliases].join(' ')).replace(/[-']/g, ' '),
  }));
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(code) => onChange?.(code)}
      options={options}
      allowClear
      placeholder={t('children.form.ethnicityPlaceholder')}
      showSearch={{
        filterOption: (input, option) => {
          const words = foldVietnamese(input).replace(/[-']/g, ' ').split(/\s+/).filter(Boolean);
          const haystack = `${option?.search ?? ''} ${(option?.search ?? '').replace(/\s+/g, '')}`;
          return words.every((word) => haystack.includes(word));
        },
      }}
      style={{ width: '100%' }}
    />
  );
}

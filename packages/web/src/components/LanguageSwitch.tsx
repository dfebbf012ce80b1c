import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES, type Language } from '../i18n';

/** VI / EN switch; the choice is remembered in this browser. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('common.language')}
      value={i18n.language === 'en' ? 'en' : 'vi'}
      onChange={(language) => void changeLanguage(language)}
      options={LANGUAGES.map((language) => ({
        value: language,
        label: <span title={t(`common.languages.${language}`)}>{language.toUpperCase()}</span>,
      }))}
    />
  );
}

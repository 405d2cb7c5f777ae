import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { setLocale, useI18n } from '../lib/i18n';

/** 中文 ⇄ English; remembered in localStorage. */
export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      title={t('layout.languageTitle')}
      data-testid="language-switch"
      style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
    >
      {t('layout.language')}
    </Button>
  );
}

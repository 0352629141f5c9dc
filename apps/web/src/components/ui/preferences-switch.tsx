import { useI18n } from '@/lib/i18n';

/** ไทย / English and Thai / Arabic digits; both remembered in localStorage. */
export function PreferencesSwitch() {
  const { t, lang, setLang, digits, setDigits } = useI18n();
  return (
    <div className="preferences">
      <div role="group" aria-label={t('prefs.language')} className="toggle-group">
        <button type="button" lang="th" aria-pressed={lang === 'th'} onClick={() => setLang('th')}>
          {t('prefs.thai')}
        </button>
        <button type="button" lang="en" aria-pressed={lang === 'en'} onClick={() => setLang('en')}>
          {t('prefs.english')}
        </button>
      </div>
      {lang === 'th' && (
        <div role="group" aria-label={t('prefs.digits')} className="toggle-group">
          <button type="button" aria-pressed={digits === 'thai'} title={t('prefs.thaiDigits')} onClick={() => setDigits('thai')}>
            ๑๒๓
          </button>
          <button type="button" aria-pressed={digits === 'arabic'} title={t('prefs.arabicDigits')} onClick={() => setDigits('arabic')}>
            123
          </button>
        </div>
      )}
    </div>
  );
}

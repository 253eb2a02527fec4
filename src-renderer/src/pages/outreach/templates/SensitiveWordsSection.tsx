import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultSensitiveWords } from '@shared/outreach-limits';
import { useSettings } from '../../../settings/SettingsProvider';

/**
 * The words a template preview warns about (TikTok may refuse a text with them as sensitive, error 50001703):
 * the merchant adds, removes or restores the default list. Kept in Settings (`sensitiveWords`).
 */
export function SensitiveWordsSection(): ReactElement {
  const { t } = useTranslation();
  const { settings, update } = useSettings();
  const [word, setWord] = useState('');
  const words = settings.sensitiveWords;
  const next = word.trim();
  const duplicate = words.some((w) => w.toLowerCase() === next.toLowerCase());
  const add = (): void => {
    if (!next || duplicate) return;
    void update({ sensitiveWords: [...words, next] }).then((ok) => ok && setWord(''));
  };
  return (
    <section className="card sensitive-words" aria-labelledby="sensitive-words-title">
      <h2 id="sensitive-words-title">{t('outreach.templates.sensitive.title')}</h2>
      <p className="muted">{t('outreach.templates.sensitive.description')}</p>
      {words.length === 0 ? (
        <p className="muted">{t('outreach.templates.sensitive.none')}</p>
      ) : (
        <ul className="chip-list" aria-label={t('outreach.templates.sensitive.title')}>
          {words.map((w) => (
            <li key={w} className="chip">
              <span>{w}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('outreach.templates.sensitive.remove', { word: w })}
                onClick={() => void update({ sensitiveWords: words.filter((x) => x !== w) })}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="sensitive-words-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          className="input"
          aria-label={t('outreach.templates.sensitive.add')}
          placeholder={t('outreach.templates.sensitive.placeholder')}
          maxLength={60}
          value={word}
          aria-invalid={duplicate}
          onChange={(e) => setWord(e.target.value)}
        />
        <button type="submit" className="button button-small" disabled={!next || duplicate}>
          {t('outreach.templates.sensitive.add')}
        </button>
        <button
          type="button"
          className="button button-small button-quiet"
          onClick={() => void update({ sensitiveWords: [...defaultSensitiveWords] })}
        >
          {t('outreach.templates.sensitive.restore')}
        </button>
        {duplicate && <span className="field-error">{t('outreach.templates.sensitive.duplicate')}</span>}
      </form>
    </section>
  );
}

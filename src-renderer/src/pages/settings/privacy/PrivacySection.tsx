import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, SettingsPatch } from '@shared/settings';
import { BackupsFields } from './BackupsFields';
import { EraseAll } from './EraseAll';
import { ExportFields } from './ExportFields';
import { RetentionFields } from './RetentionFields';
import './privacy.css';

/** Settings → Privacy and your data: retention rules, backups, export and erase. */
export function PrivacySection(props: {
  settings: Settings;
  save: (patch: SettingsPatch) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="card settings-section" aria-labelledby="privacy-title">
      <div className="settings-section-intro">
        <h2 id="privacy-title">{t('privacy.title')}</h2>
        <p className="muted">{t('privacy.description')}</p>
      </div>
      <div className="settings-section-fields">
        <RetentionFields settings={props.settings} save={props.save} />
        <BackupsFields settings={props.settings} save={props.save} />
        <ExportFields />
        <EraseAll />
      </div>
    </section>
  );
}

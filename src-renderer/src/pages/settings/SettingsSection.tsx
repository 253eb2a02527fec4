import type { ReactElement, ReactNode } from 'react';

/** Deliberately not a named region: its title would then also match getByLabel() for the fields inside. */
export function SettingsSection(props: {
  title: string;
  description: string;
  children: ReactNode;
}): ReactElement {
  return (
    <section className="card settings-section">
      <div className="settings-section-intro">
        <h2>{props.title}</h2>
        <p className="muted">{props.description}</p>
      </div>
      <div className="settings-section-fields">{props.children}</div>
    </section>
  );
}

import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { LogoMark } from '../components/Logo';
import { hrefFor, type Page } from '../navigation/routes';

const groups: { id: string; pages: Page[] }[] = [
  { id: 'insights', pages: ['dashboard', 'ads', 'finance', 'affiliate'] },
  { id: 'grow', pages: ['creators', 'discover', 'samples', 'outreach'] },
  { id: 'shop', pages: ['products', 'orders'] },
  { id: 'manage', pages: ['accounts', 'settings', 'activity'] },
];

export function Sidebar({ current }: { current: Page }): ReactElement {
  const { t } = useTranslation();
  return (
    <aside className="sidebar">
      <div className="brand">
        <LogoMark />
        <span className="brand-name">ShopMesh</span>
      </div>
      <nav aria-label={t('nav.label')}>
        {groups.map((group) => (
          <ul key={group.id} className="nav-group">
            {group.pages.map((page) => (
              <li key={page}>
                <a
                  className="nav-link"
                  href={hrefFor(page)}
                  aria-current={page === current ? 'page' : undefined}
                  title={t(`nav.${page}`)}
                >
                  <Icon name={page} />
                  <span>{t(`nav.${page}`)}</span>
                </a>
              </li>
            ))}
          </ul>
        ))}
      </nav>
    </aside>
  );
}

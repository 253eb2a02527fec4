import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';
import { Icon } from '../components/Icon';
import { hrefFor, type Page } from '../app/routes';

/** Pages whose features are not built yet: say plainly what will fill them and what to do first. */
export function EmptyPage({
  page,
}: {
  page: Exclude<Page, 'settings' | 'activity' | 'accounts' | 'orders' | 'products'>;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="card">
      <EmptyState
        icon={page}
        title={t(`empty.${page}.title`)}
        body={t(`empty.${page}.body`)}
        action={
          <a className="button button-primary" href={hrefFor('accounts')}>
            <Icon name="link" size={16} />
            {t('empty.goToAccounts')}
          </a>
        }
      />
    </div>
  );
}

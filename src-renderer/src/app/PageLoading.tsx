import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What the content area holds while a page's code loads on its first visit (each page is its own chunk).
 * Busy from the first frame, so assistive technology and the e2e suite's `settled` wait for the page rather
 * than reading an empty area as the page; the words appear only if the load takes long enough to notice
 * (shell.css), so a usual load does not flash them.
 */
export function PageLoading(): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="page-loading" aria-busy="true">
      <p className="loading-line" role="status">
        {t('app.pageLoading')}
      </p>
    </div>
  );
}

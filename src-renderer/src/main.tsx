// First: what the first screen needs starts travelling before the rest of the bundle is evaluated.
import './app/boot';
import { openingAnswers } from './app/opening';
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
import './styles/tokens.css';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/pages.css';
import './styles/accounts.css';
import './styles/sync.css';
import './styles/data.css';
import './styles/analytics.css';
import './styles/creators.css';
import './styles/inbox.css';
import './app/creatorDetailSections';
import { App } from './app/App';
import { linkFaviconAfterFirstPaint } from './app/favicon';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

/** Marks React's first commit for the start-up breakdown (`creators.table.firstRows.*`, tests/bench). */
function FirstCommitMark(): null {
  useLayoutEffect(() => {
    if (performance.getEntriesByName('shopmesh:first-commit').length === 0)
      performance.mark('shopmesh:first-commit');
  }, []);
  return null;
}

linkFaviconAfterFirstPaint();

void openingAnswers.then(() => {
  performance.mark('shopmesh:render-start');
  createRoot(root).render(
    <StrictMode>
      <FirstCommitMark />
      <App />
    </StrictMode>,
  );
});

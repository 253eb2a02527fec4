import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import i18n, { languageReady } from '../../src-renderer/src/i18n';

// The app loads a language's catalogue when it is shown; tests switch languages at will, so both are in
// before any test renders.
await languageReady;
await i18n.loadLanguages(['en', 'zh-CN']);

afterEach(() => cleanup());

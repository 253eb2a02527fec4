import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import '../../src-renderer/src/i18n';

afterEach(() => cleanup());

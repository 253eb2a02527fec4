import { languages } from '@shared/languages';
import tokensCss from '../styles/tokens.css?raw';
import { warmFonts, warmIntl } from './warmUp';
import { fontStacks } from './warmUpFaces';

/**
 * The warm-up worker's script (started by app/boot.ts, named after the guessed language): it makes the
 * first screen's Intl formatters and lays out text in its fonts on this thread, while the main thread
 * evaluates the bundle, then says so and the page ends it. The font stacks come from styles/tokens.css as
 * text: reading them from the page's computed style would make the boot chunk force a style recalculation.
 */
performance.mark('shopmesh:warm-up-start');
warmIntl(languages.find((l) => l === self.name) ?? 'en');
performance.mark('shopmesh:warm-up-intl');
warmFonts(fontStacks(tokensCss));
performance.mark('shopmesh:warm-up-fonts');
// The page ends this worker when told (app/boot.ts marks the end in its own timeline).
postMessage('done');

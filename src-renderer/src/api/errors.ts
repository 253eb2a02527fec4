import { AppError, appErrorShapeSchema, codeText, errorTextOf, isAppError } from '@shared/errors';
import type { Translatable } from '@shared/texts';
import i18n from '../i18n';

/** Whatever was thrown, the UI gets an AppError (show it with `errorText`, never with `.message`). */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const shape = appErrorShapeSchema.safeParse(error);
  if (shape.success) return AppError.fromShape(shape.data);
  return new AppError('INTERNAL', { key: 'errors.internal', params: {} });
}

/** A text made in main, in the user's language; an unknown key falls back to `fallback`'s text. */
export function translateText(
  text: Translatable,
  fallback: Translatable = { key: 'errors.internal', params: {} },
): string {
  return i18n.exists(text.key) ? i18n.t(text.key, text.params) : i18n.t(fallback.key, fallback.params);
}

/**
 * What to show for an error: its own text when it has one the catalogue knows, else the text for its code.
 * The English `message` is for the log and scripts: it never reaches the screen, so the Chinese UI never
 * shows English.
 */
export function errorText(error: unknown): string {
  const { text, fallback } = errorTexts(error);
  return translateText(text, fallback);
}

/** `errorText`'s key and parameters, untranslated: for a view that draws them again in a new language. */
export function errorTexts(error: unknown): { text: Translatable; fallback: Translatable } {
  const e = toAppError(error);
  return { text: errorTextOf(e), fallback: codeText(e.code) };
}

export function offlineError(): AppError {
  return new AppError('OFFLINE', { key: 'errors.offline', params: {} });
}

/** The transport's own failure (no HTTP answer at all): main is gone, not an error main sent back. */
export function isMainUnreachable(error: unknown): boolean {
  const e = toAppError(error);
  return e.code === 'OFFLINE' && e.key === 'errors.offline';
}

export function httpError(status: number): AppError {
  if (status === 401 || status === 403)
    return new AppError('INTERNAL', { key: 'errors.sessionExpired', params: {} });
  return new AppError('INTERNAL', { key: 'errors.httpStatus', params: { status } });
}

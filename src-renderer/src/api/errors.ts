import { AppError, appErrorShapeSchema, isAppError } from '@shared/errors';
import i18n from '../i18n';

/** Whatever was thrown, the UI gets an AppError whose message it can show as is. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const shape = appErrorShapeSchema.safeParse(error);
  if (shape.success) return AppError.fromShape(shape.data);
  return new AppError('INTERNAL', i18n.t('errors.internal'));
}

export function offlineError(): AppError {
  return new AppError('OFFLINE', i18n.t('errors.offline'));
}

export function httpError(status: number): AppError {
  if (status === 401 || status === 403) return new AppError('INTERNAL', i18n.t('errors.sessionExpired'));
  return new AppError('INTERNAL', i18n.t('errors.httpStatus', { status }));
}

import type { Session } from 'electron';
import { permissionDecision } from '../security/permissions';

/** Deny every permission prompt and permission query, whatever page asks. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(permission, requestingOrigin),
  );
}

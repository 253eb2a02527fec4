/**
 * Session permission requests (camera, microphone, notifications, geolocation, clipboard-read, MIDI,
 * HID, …). ShopMesh's pages need none of them; an app-level feature that needs one (desktop notifications)
 * is raised from the main process instead. Named so an exception, if one is ever needed, lands here with
 * its test rather than inline in the shell.
 */
export function permissionDecision(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

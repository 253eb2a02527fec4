/**
 * The only two Electron IPC channels. Every contract channel travels through `invoke` as an argument, so
 * the main process has one handler to guard and the preload one listener to manage.
 */
export const invokeChannel = 'shopmesh:invoke';
export const eventChannel = 'shopmesh:event';

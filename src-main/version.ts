import pkg from '../package.json' with { type: 'json' };

/** Bundled at build time, so the packaged app needs no package.json lookup at run time. */
export const appVersion: string = pkg.version;

import type { ShopmeshBridge } from '@shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the UI is served over the web bridge. */
    readonly shopmesh?: ShopmeshBridge;
  }
}

export type { ShopmeshBridge };

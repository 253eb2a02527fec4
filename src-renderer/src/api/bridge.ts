import type { ShopmeshBridge } from '@shared/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent when the UI is served over the web bridge. */
    readonly shopmesh?: ShopmeshBridge;
  }
}

export type { ShopmeshBridge };

/**
 * What the web transport adds for the renderer alone (not part of main's contract): a call whenever its
 * event stream to main drops or comes back, so the window notices main is gone even while idle.
 */
export type RendererBridge = ShopmeshBridge & {
  onConnectionChange?(listener: () => void): () => void;
};

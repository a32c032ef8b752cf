/** The page's side of the service worker: registration and updates. */
export interface ServiceWorkerBridge {
  /**
   * Registers the worker. `onUpdateReady` fires when a new version waits;
   * calling the `activate` it receives switches to it and reloads — only ever
   * on the officer's say-so, never in the middle of a case.
   */
  register(onUpdateReady: (activate: () => void) => void): Promise<void>;
}

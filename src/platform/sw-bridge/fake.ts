import type { ServiceWorkerBridge } from './port';

/** A bridge whose update the test announces with `announceUpdate()`. */
export function fakeServiceWorkerBridge(): ServiceWorkerBridge & {
  announceUpdate(): void;
  activated: number;
} {
  let notify: ((activate: () => void) => void) | undefined;
  const fake = {
    activated: 0,
    register(onUpdateReady: (activate: () => void) => void) {
      notify = onUpdateReady;
      return Promise.resolve();
    },
    announceUpdate() {
      notify?.(() => {
        fake.activated += 1;
      });
    },
  };
  return fake;
}

import { Workbox } from 'workbox-window';
import type { ServiceWorkerBridge } from './port';

export const webServiceWorkerBridge: ServiceWorkerBridge = {
  async register(onUpdateReady) {
    if (!('serviceWorker' in navigator)) return;
    const wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => {
      onUpdateReady(() => {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      });
    });
    try {
      await wb.register();
    } catch (error) {
      // The app works without offline support; say so in the console only.
      console.warn('service worker registration failed', error);
    }
  },
};

/**
 * Encryption-at-rest costs (`npm run bench`), measured in Debian's Chromium —
 * the phone's engine — on a page of the real server (a secure context), with
 * the same WebCrypto calls as `src/platform/vault/crypto.ts`:
 *  - unlocking with a PIN: PBKDF2-SHA-256 at several iteration counts, then
 *    AES-KW unwrap of the data key (what a PIN entry costs the officer);
 *  - sealing and opening with AES-GCM 256: a case record (~8 KB of JSON) and
 *    a stored photo (2048 px JPEG, ~1 MB of random bytes: the cipher's cost
 *    does not depend on content), the cost encryption adds to pick-to-saved.
 * Each figure is the median of its runs, timed inside the page.
 * Run alone (after `npx vite build`): `npx tsx -e "import('./bench/vault.ts').then(m => m.benchVault()).then(console.log)"`.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { launchBrowser, startServer } from '../tests/e2e/harness';
import { PIN_ITERATIONS } from '../src/platform/vault/crypto';

export interface VaultFigures {
  method: string;
  /** Median ms to derive the PIN key and unwrap the data key, per iteration count. */
  pinUnlockMs: Record<string, number>;
  pinIterationsInUse: number;
  /** Median ms to seal and to open, per size. */
  sealMs: { record8k: number; photo1m: number };
  openMs: { record8k: number; photo1m: number };
  /**
   * The records' synchronous cipher (@noble/ciphers AES-256-GCM, what
   * src/storage/sealed-tables.ts runs inside IndexedDB transactions), median
   * ms per 8 KB record, in Node's V8 (Chromium's engine).
   */
  recordCipherMs: { seal: number; open: number };
}

/** Median ms of sealing and opening an 8 KB record with the records' cipher. */
export function benchRecordCipher(): { seal: number; open: number } {
  const key = randomBytes(32);
  const aad = new TextEncoder().encode('cases/"0190a000-0000-7000-8000-000000000001"');
  const record = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(8 * 1024) }));
  const seals: number[] = [];
  const opens: number[] = [];
  for (let i = 0; i < 400; i++) {
    const iv = randomBytes(12);
    const t0 = performance.now();
    const sealed = gcm(key, iv, aad).encrypt(record);
    const t1 = performance.now();
    gcm(key, iv, aad).decrypt(sealed);
    opens.push(performance.now() - t1);
    seals.push(t1 - t0);
  }
  // The first 100 warm the JIT up, as a phone's app has after its first screens.
  const median = (xs: number[]) => [...xs.slice(100)].sort((a, b) => a - b)[150]!;
  const r = (n: number) => Math.round(n * 1000) / 1000;
  return { seal: r(median(seals)), open: r(median(opens)) };
}

export const ITERATION_STEPS = [100_000, 310_000, PIN_ITERATIONS, 1_000_000];

export async function benchVault(): Promise<VaultFigures> {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // tsx wraps named functions in `__name(…)`, which the page does not have.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const page = await context.newPage();
    await page.goto(server.url);
    const figures = await page.evaluate(
      async ({ steps }) => {
        const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
        const subtle = crypto.subtle;
        const salt = crypto.getRandomValues(new Uint8Array(16));
        const dataKey = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, [
          'encrypt',
          'decrypt',
        ]);
        const pinKey = async (iterations: number) => {
          const material = await subtle.importKey(
            'raw',
            new TextEncoder().encode('246813'),
            'PBKDF2',
            false,
            ['deriveKey'],
          );
          return subtle.deriveKey(
            { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
            material,
            { name: 'AES-KW', length: 256 },
            false,
            ['wrapKey', 'unwrapKey'],
          );
        };
        const pinUnlockMs: Record<string, number> = {};
        for (const iterations of steps) {
          const wrapped = await subtle.wrapKey('raw', dataKey, await pinKey(iterations), 'AES-KW');
          const runs: number[] = [];
          for (let i = 0; i < 5; i++) {
            const t0 = performance.now();
            const kek = await pinKey(iterations);
            await subtle.unwrapKey('raw', wrapped, kek, 'AES-KW', 'AES-GCM', false, ['decrypt']);
            runs.push(performance.now() - t0);
          }
          pinUnlockMs[String(iterations)] = Math.round(median(runs));
        }
        // Chromium coarsens performance.now() to 0.1 ms: each sample times `repeat` calls.
        const time = async (bytes: Uint8Array<ArrayBuffer>, repeat: number) => {
          const seals: number[] = [];
          const opens: number[] = [];
          const additionalData = new TextEncoder().encode('photos/p1');
          const iv = crypto.getRandomValues(new Uint8Array(12));
          for (let i = 0; i < 15; i++) {
            let sealed = new ArrayBuffer(0);
            const t0 = performance.now();
            for (let k = 0; k < repeat; k++)
              sealed = await subtle.encrypt(
                { name: 'AES-GCM', iv, additionalData },
                dataKey,
                bytes,
              );
            const t1 = performance.now();
            for (let k = 0; k < repeat; k++)
              await subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, dataKey, sealed);
            opens.push((performance.now() - t1) / repeat);
            seals.push((t1 - t0) / repeat);
          }
          const r = (n: number) => Math.round(n * 1000) / 1000;
          return { seal: r(median(seals)), open: r(median(opens)) };
        };
        const record = new TextEncoder().encode(JSON.stringify({ pad: 'x'.repeat(8 * 1024) }));
        const photo = new Uint8Array(1024 * 1024);
        for (let at = 0; at < photo.length; at += 65536)
          crypto.getRandomValues(photo.subarray(at, at + 65536));
        const r8k = await time(record, 100);
        const r1m = await time(photo, 4);
        return {
          pinUnlockMs,
          sealMs: { record8k: r8k.seal, photo1m: r1m.seal },
          openMs: { record8k: r8k.open, photo1m: r1m.open },
        };
      },
      { steps: ITERATION_STEPS },
    );
    return {
      method:
        'Chromium WebCrypto on a page of the real server: PBKDF2-SHA-256 + AES-KW unwrap, 5 runs per cost; AES-GCM 256 seal/open, 15 runs per size; medians',
      pinIterationsInUse: PIN_ITERATIONS,
      ...figures,
      recordCipherMs: benchRecordCipher(),
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

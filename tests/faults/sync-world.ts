/**
 * A phone and the real server for sync tests: a fresh IndexedDB (fake), a
 * manual clock, the session store, fake device keys (real WebCrypto), the
 * API client pointed at a fault proxy in front of the in-process server,
 * and the sync runner — signed in and enrolled, as after the first sign-in.
 */
import { createStore } from 'idb-keyval';
import { createApiClient, memoryUrlStorage, type Api } from '../../src/api';
import type { CaseRecord } from '../../src/domain';
import { fakeDeviceKeys } from '../../src/platform/device-keys/fake';
import type { DeviceKeys } from '../../src/platform/device-keys/port';
import {
  createDb,
  createSessionStore,
  saveCase,
  savePhoto,
  type KuaichuDb,
  type SessionStore,
} from '../../src/storage';
import { manualClock, type ManualClock } from '../../src/sync/clock';
import { signIn } from '../../src/sync/device';
import { createSyncRunner, type SyncRunner } from '../../src/sync/runner';
import { aCase } from '../builders/case.builder';
import { aPhoto, type TestPhoto } from '../builders/photo.builder';
import { useFreshIndexedDb } from '../setup/fresh-db';
import { startFaultProxy, type FaultProxy } from './fault-proxy';
import { startLiveServer, type LiveServer } from './live-server';

export interface SyncWorld {
  server: LiveServer;
  proxy: FaultProxy;
  db: KuaichuDb;
  clock: ManualClock;
  session: SessionStore;
  api: Api;
  /** The phone's device keys (the runner signs with them; a sign-in enrols them). */
  keys: DeviceKeys;
  runner: SyncRunner;
  /** Saves a new case with `photos` photos, as the capture screens do. */
  capture(photos?: number, seed?: string): Promise<{ record: CaseRecord; photos: TestPhoto[] }>;
  /** Signs the officer in again (after a 401 or the end of a shift). */
  signInAgain(): Promise<void>;
  close(): Promise<void>;
}

export interface SyncWorldOptions {
  /** Wraps the API client (e.g. to edit a case while a PUT is in flight). */
  wrapApi?: (api: Api) => Api;
  shiftMs?: number;
}

export async function openSyncWorld(options: SyncWorldOptions = {}): Promise<SyncWorld> {
  useFreshIndexedDb();
  const server = await startLiveServer();
  const proxy = await startFaultProxy(server.url);
  const db = createDb();
  const clock = manualClock();
  const session = createSessionStore({
    now: () => clock.now(),
    shiftMs: options.shiftMs,
    store: createStore('kuaichu-session-test', 'kv'),
  });
  const keys = fakeDeviceKeys();
  const raw = createApiClient({ baseUrl: proxy.url, urlStorage: memoryUrlStorage() });
  const api = options.wrapApi ? options.wrapApi(raw) : raw;
  const signed = await signIn({ db, api, keys, session }, server.officer, 'test phone');
  if (!signed.ok)
    throw new Error(`sign-in failed at ${signed.stage}: ${JSON.stringify(signed.failure)}`);
  const runner = createSyncRunner({ db, api, clock, random: () => 0.5, keys, session });
  runner.start();
  await runner.idle();
  let n = 0;
  return {
    server,
    proxy,
    db,
    clock,
    session,
    api,
    keys,
    runner,
    async capture(count = 0, seed = `case-${++n}`) {
      const at = new Date(clock.now()).toISOString();
      const record = aCase(at).withVehicles(2).build();
      await saveCase(db, record, at);
      const photos: TestPhoto[] = [];
      for (let i = 0; i < count; i++) {
        const photo = await aPhoto(record.id, `${seed}-${record.id}-${i}`, {
          slot: i === 0 ? 'overview' : `extra-${i}`,
          size: 3000 + i * 700,
        });
        await savePhoto(db, photo, at);
        photos.push(photo);
      }
      return { record, photos };
    },
    async signInAgain() {
      const again = await signIn({ db, api, keys, session }, server.officer);
      if (!again.ok) throw new Error(`sign-in failed at ${again.stage}`);
    },
    async close() {
      runner.stop();
      await runner.idle();
      await proxy.close();
      await server.close();
      db.close();
    },
  };
}

/**
 * API processes for the two-process test: `server/main.ts` spawned as a
 * child on a fixture's database and data folder (its blob store and tus
 * uploads), on a free port, and a TestWorld whose `call` goes over HTTP to
 * them in turn instead of `app.inject`. Test-only.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Actor, TestWorld } from './test-world';
import { TEST_PASSWORD } from './test-world';

export interface ApiProcess {
  url: string;
  pid: number;
  /** SIGKILL: no graceful stop, in-flight requests and claims cut where they are. */
  kill(): Promise<void>;
  output(): string;
}

/** What the fixture's processes share: its database and its data folder. */
export function sharedEnv(w: TestWorld): Record<string, string> {
  const { database, dir } = w.fx;
  return {
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dir,
    DATABASE_URL: database.dialect === 'postgres' ? database.url : database.file,
    STATIC_DIR: `${dir}/no-dist`,
    LOG_LEVEL: 'warn',
    WEBHOOK_POLL_SECONDS: '0.2',
    // An attempt held by the receiver stays in flight while the test kills its process.
    WEBHOOK_TIMEOUT_SECONDS: '120',
  };
}

const RUNNING = /Kuaichu is running at (http:\/\/\S+?)\/?\s/;

/** Starts one API process; resolves once it prints where it listens. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = RUNNING.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code, signal) =>
      reject(new Error(`API process exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return {
    url,
    pid: child.pid ?? 0,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
    output: () => output,
  };
}

/** One request to `base` as `app.inject` would take it; the answer in inject's shape. */
export async function httpInject(
  base: string,
  token: string | undefined,
  options: InjectOptions,
): Promise<LightMyRequestResponse> {
  const given = new URL(String(options.url ?? '/'), base);
  const url = new URL(given.pathname + given.search, base);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {}))
    if (value !== undefined) headers[name] = String(value);
  if (token) headers['authorization'] = `Bearer ${token}`;
  let body: string | Buffer | undefined;
  if (Buffer.isBuffer(options.payload) || typeof options.payload === 'string')
    body = options.payload;
  else if (options.payload !== undefined) {
    body = JSON.stringify(options.payload);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: options.method ?? 'GET', headers, body });
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  const answer = {
    statusCode: res.status,
    body: text,
    headers: Object.fromEntries(res.headers),
    json: () => JSON.parse(text) as unknown,
  };
  return answer as unknown as LightMyRequestResponse;
}

/** Signs `actor` in through `base`: answers the new session's token. */
export async function signIn(base: string, w: TestWorld, actor: Actor): Promise<string> {
  const res = await httpInject(base, undefined, {
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: w.users[actor].username, password: TEST_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${actor}: ${res.statusCode} ${res.body}`);
  return res.json<{ token: string }>().token;
}

/**
 * The world seen through live processes: each call goes to the next of
 * `targets()` in turn, with the tokens given (sessions made over HTTP).
 */
export function worldOverHttp(
  w: TestWorld,
  targets: () => readonly ApiProcess[],
  tokens: Partial<Record<Actor, string>>,
): TestWorld & { calls: string[] } {
  let next = 0;
  const calls: string[] = [];
  const users = { ...w.users };
  for (const [actor, token] of Object.entries(tokens) as [Actor, string][])
    users[actor] = { ...users[actor], token };
  return {
    ...w,
    users,
    calls,
    call(actor, options) {
      const list = targets();
      const target = list[next++ % list.length];
      if (!target) throw new Error('no API process is running');
      calls.push(target.url);
      return httpInject(target.url, actor ? users[actor].token : undefined, options);
    },
  };
}

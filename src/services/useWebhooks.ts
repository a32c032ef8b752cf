/**
 * The administrator's screens for insurers' webhook endpoints read the
 * server, never the phone's database: the insurers with their endpoints, one
 * endpoint, an endpoint's deliveries; and change it only through the named
 * operations of `useWebhookActions`. A secret the server answers (on
 * creation or rotation) is handed to the screen and kept nowhere else.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminApi, ApiResult } from '../api';
import type { Insurer } from '../contracts/auth';
import type {
  CreateEndpointRequest,
  DeliveryState,
  EndpointWithSecret,
  WebhookDelivery,
  WebhookEndpoint,
} from '../contracts/webhooks';
import { adminCall, type AdminFailure, type AdminResult } from './admin-client';
import { useServices } from './ServicesContext';

export type { AdminFailure, AdminResult };

export type Loaded<T> =
  | { status: 'loading'; value?: undefined; failure?: undefined }
  | { status: 'ready'; value: T; failure?: undefined }
  | { status: 'failed'; value?: undefined; failure: AdminFailure };

const loaded = <T>(r: AdminResult<T>): Loaded<T> =>
  r.ok ? { status: 'ready', value: r.value } : { status: 'failed', failure: r.failure };

/** Runs `load` now and on `reload`, dropping answers that come after the screen let go. */
export function useLoad<T>(load: () => Promise<AdminResult<T>>) {
  const [value, setValue] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    void load().then((r) => {
      if (live) setValue(loaded(r));
    });
    return () => {
      live = false;
    };
  }, [load, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { value, setValue, reload };
}

/** The admin's session bound to a call of the admin API. */
export function useCall() {
  const { session } = useServices();
  return useCallback(
    <T>(call: (api: AdminApi, token: string) => Promise<ApiResult<T>>) => adminCall(session, call),
    [session],
  );
}

export interface InsurerEndpoints {
  insurer: Insurer;
  endpoints: Loaded<readonly WebhookEndpoint[]>;
}

export interface InsurerEndpointsView {
  insurers: Loaded<readonly InsurerEndpoints[]>;
  reload(): void;
}

/** Every insurer, each with its endpoints (one insurer's failure does not hide the others). */
export function useInsurerEndpoints(): InsurerEndpointsView {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<InsurerEndpoints[]>> => {
    const list = await call((api, t) => api.listInsurers(t));
    if (!list.ok) return list;
    const each = await Promise.all(
      list.value.insurers.map((insurer) => call((api, t) => api.listEndpoints(t, insurer.id))),
    );
    return {
      ok: true,
      value: list.value.insurers.map((insurer, i) => {
        const r = each[i] as AdminResult<{ endpoints: WebhookEndpoint[] }>;
        return { insurer, endpoints: loaded(r.ok ? { ok: true, value: r.value.endpoints } : r) };
      }),
    };
  }, [call]);
  const { value, reload } = useLoad(load);
  return { insurers: value, reload };
}

export interface EndpointOf {
  /** Undefined when the insurers' list could not be read (the endpoint still shows). */
  insurer: Insurer | undefined;
  endpoint: WebhookEndpoint;
}

export interface EndpointView {
  endpoint: Loaded<EndpointOf>;
  /** The endpoint as an operation answered it. */
  replace(endpoint: WebhookEndpoint): void;
  reload(): void;
}

/** One endpoint of an insurer (read from the insurer's list: the API has no single read). */
export function useEndpoint(insurerId: string, endpointId: string): EndpointView {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<EndpointOf>> => {
    const [insurers, endpoints] = await Promise.all([
      call((api, t) => api.listInsurers(t)),
      call((api, t) => api.listEndpoints(t, insurerId)),
    ]);
    if (!endpoints.ok) return endpoints;
    const endpoint = endpoints.value.endpoints.find((e) => e.id === endpointId);
    if (!endpoint) return { ok: false, failure: 'not-found' };
    const insurer = insurers.ok
      ? insurers.value.insurers.find((i) => i.id === insurerId)
      : undefined;
    return { ok: true, value: { insurer, endpoint } };
  }, [call, insurerId, endpointId]);
  const { value, setValue, reload } = useLoad(load);
  const replace = useCallback(
    (endpoint: WebhookEndpoint) =>
      setValue((was) =>
        was.status === 'ready' ? { status: 'ready', value: { ...was.value, endpoint } } : was,
      ),
    [setValue],
  );
  return { endpoint: value, replace, reload };
}

/** The insurer an endpoint is registered for, by its id (for the registration screen's title). */
export function useInsurer(insurerId: string): Loaded<Insurer> {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<Insurer>> => {
    const r = await call((api, t) => api.listInsurers(t));
    if (!r.ok) return r;
    const insurer = r.value.insurers.find((i) => i.id === insurerId);
    return insurer ? { ok: true, value: insurer } : { ok: false, failure: 'not-found' };
  }, [call, insurerId]);
  return useLoad(load).value;
}

export interface DeliveriesView {
  deliveries: Loaded<readonly WebhookDelivery[]>;
  /** A delivery as a replay answered it. */
  replace(delivery: WebhookDelivery): void;
  reload(): void;
}

/** The server answers newest first; held to it here, so a screen never shows otherwise. */
const newestFirst = (list: readonly WebhookDelivery[]) =>
  [...list].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);

/** An endpoint's deliveries, newest first, only those in `state` when given. */
export function useDeliveries(
  endpointId: string,
  state: DeliveryState | undefined,
): DeliveriesView {
  const call = useCall();
  const load = useCallback(async (): Promise<AdminResult<readonly WebhookDelivery[]>> => {
    const r = await call((api, t) => api.listDeliveries(t, endpointId, state));
    return r.ok ? { ok: true, value: newestFirst(r.value.deliveries) } : r;
  }, [call, endpointId, state]);
  const { value, setValue, reload } = useLoad(load);
  const replace = useCallback(
    (delivery: WebhookDelivery) =>
      setValue((was) =>
        was.status === 'ready'
          ? { status: 'ready', value: was.value.map((d) => (d.id === delivery.id ? delivery : d)) }
          : was,
      ),
    [setValue],
  );
  return { deliveries: value, replace, reload };
}

export interface WebhookActions {
  /** An operation is on its way: the buttons wait (a double click sends nothing more). */
  sending: boolean;
  createEndpoint(
    insurerId: string,
    body: CreateEndpointRequest,
  ): Promise<AdminResult<EndpointWithSecret>>;
  rotateSecret(endpointId: string, overlapHours: number): Promise<AdminResult<EndpointWithSecret>>;
  setEnabled(endpointId: string, enabled: boolean): Promise<AdminResult<WebhookEndpoint>>;
  replay(deliveryId: number): Promise<AdminResult<WebhookDelivery>>;
}

const BUSY: AdminResult<never> = { ok: false, failure: 'busy' };

/** The admin's calls, one operation at a time; `sending` while it is on its way. */
export function useOnce() {
  const call = useCall();
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const once = useCallback(
    async <T>(run: (api: AdminApi, token: string) => Promise<ApiResult<T>>) => {
      if (busy.current) return BUSY;
      busy.current = true;
      setSending(true);
      try {
        return await call(run);
      } finally {
        busy.current = false;
        setSending(false);
      }
    },
    [call],
  );
  return { call, once, sending };
}

/** The admin's operations on endpoints and deliveries, one at a time. */
export function useWebhookActions(): WebhookActions {
  const { once, sending } = useOnce();
  return {
    sending,
    createEndpoint: (insurerId, body) => once((api, t) => api.createEndpoint(t, insurerId, body)),
    rotateSecret: (endpointId, overlapHours) =>
      once((api, t) => api.rotateSecret(t, endpointId, { overlapHours })),
    setEnabled: (endpointId, enabled) =>
      once((api, t) => api.setEndpointEnabled(t, endpointId, enabled)),
    replay: (deliveryId) => once((api, t) => api.replayDelivery(t, deliveryId)),
  };
}

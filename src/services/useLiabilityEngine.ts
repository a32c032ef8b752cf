/**
 * The liability engine with the project's catalog, loaded when a screen
 * first needs it (the catalog is large: it stays out of the screen's own
 * code until then), for previewing what the engine decides on facts.
 */
import { useEffect, useState } from 'react';
import type { LiabilityDecision } from '../domain/liability/decision';
import type { LiabilityFacts } from '../domain/liability/facts.schema';

export type Evaluate = (facts: LiabilityFacts) => LiabilityDecision;

export type EngineState =
  { status: 'idle' | 'loading' } | { status: 'ready'; evaluate: Evaluate } | { status: 'failed' };

async function loadEngine(): Promise<Evaluate> {
  // The engine's public module, as the officer's screens load it (one chunk for both).
  const { loadLiabilityCatalog, evaluateLiability } = await import('../domain/liability');
  const catalog = loadLiabilityCatalog();
  return (facts) => evaluateLiability(catalog, facts);
}

let loading: Promise<Evaluate> | undefined;

/** The engine once `wanted` (loaded once per page); `failed` when its code could not be loaded. */
export function useLiabilityEngine(wanted: boolean): EngineState {
  const [loaded, setLoaded] = useState<EngineState | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loading ??= loadEngine();
    loading.then(
      (evaluate) => live && setLoaded({ status: 'ready', evaluate }),
      () => {
        loading = undefined;
        if (live) setLoaded({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  if (loaded?.status === 'ready') return loaded;
  if (!wanted) return { status: 'idle' };
  return loaded ?? { status: 'loading' };
}

/**
 * i18next is not in the first chunk: the shell's words come from a small
 * lookup (ui/i18n/shell-words.ts) and every lazily loaded screen waits here
 * for i18next, loaded once the first screen has painted (later.ts).
 */
import type * as SetupModule from '../ui/i18n/setup';
import { afterFirstPaint, nextTask } from './later';

type Setup = typeof SetupModule;

let loading: Promise<Setup> | undefined;

/** i18next, set up in the phone's language (loaded once). */
export function loadI18n(): Promise<Setup> {
  loading ??= afterFirstPaint()
    .then(() => import('../ui/i18n/setup'))
    .then(async (setup) => {
      await nextTask();
      await setup.setupI18n();
      return setup;
    });
  return loading;
}

/** Every feature's message bundle, registered at start-up. */
import { evidenceMessages } from '../features/evidence/messages';
import { sceneMessages } from '../features/scene/messages';
import { mapMessages } from '../features/map/messages';
import { triageMessages } from '../features/triage/messages';
import type { MessageBundle } from '../ui/i18n/setup';

export const FEATURE_MESSAGES: readonly MessageBundle[] = [
  triageMessages,
  evidenceMessages,
  mapMessages,
  sceneMessages,
];

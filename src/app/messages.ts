/** Every feature's message bundle, registered at start-up. */
import type { MessageBundle } from '../ui/i18n/setup';

export const FEATURE_MESSAGES: readonly MessageBundle[] = [];

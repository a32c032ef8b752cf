import { v7 as uuidv7 } from 'uuid';
import type { ClockIds } from './port';

export const webClockIds: ClockIds = {
  now: () => new Date().toISOString(),
  newId: () => uuidv7(),
};

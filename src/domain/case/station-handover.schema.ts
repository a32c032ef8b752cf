/**
 * A rural station's hand-over (站点移交): a persuasion station's helper or an
 * insurer's agent stationed there opens a minor case and captures it, but may
 * not determine liability; he hands the case to an officer of the brigade,
 * who confirms or corrects it remotely and determines liability
 * (src/domain/case/station.ts). Optional on `CaseRecord`: an officer's case
 * has none, so a record stored before it parses unchanged (schemaVersion 1).
 */
import * as z from 'zod/mini';
import { Id, Instant } from '../ids';
import { TEXT_LIMITS, line, paragraph } from '../text';

export const StationHandover = z.object({
  /** The station account that captured the case and handed it over. */
  by: z.object({ id: Id, name: line(TEXT_LIMITS.name) }),
  /** Device time of the hand-over. */
  at: Instant,
  /** The officer it is meant for, when the station named one; null: any officer of the brigade. */
  to: z.nullable(Id),
  /** What the station tells the officer (may be empty). */
  note: paragraph(TEXT_LIMITS.text),
});
export type StationHandover = z.infer<typeof StationHandover>;

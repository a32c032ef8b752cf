/**
 * A rural station's cases handed over to an officer (src/domain/case/station.ts):
 * the brigade's officers list those waiting for one, and an officer confirms
 * (or corrects) a case and determines its liability, remotely.
 */
import * as z from 'zod/mini';
import { Id, Instant } from '../domain/ids';
import { Basis, LiabilityByVehicle } from '../domain/case/liability-record.schema';
import { TEXT_LIMITS, line, paragraph } from '../domain/text';
import { ErrorBody } from './errors';
import { defineRoute, IdParams } from './route';

/** The officer confirms the station's capture as it is, or corrects it (saying what). */
export const StationDecision = z.enum(['confirm', 'correct']);
export type StationDecision = z.infer<typeof StationDecision>;

const Person = z.object({ id: Id, name: line(TEXT_LIMITS.name) });

export const StationConfirmRequest = z
  .object({
    decision: StationDecision,
    /** What the officer corrected (required for `correct`), or a word to the station. */
    note: paragraph(TEXT_LIMITS.text),
    /** The officer's determination: exactly the case's vehicle labels. */
    liability: LiabilityByVehicle,
    /** Why, in words (printed for the parties). */
    reason: paragraph(TEXT_LIMITS.text).check(z.minLength(1, 'required')),
    /** The law and article(s) the determination rests on, read to the parties. */
    basis: z
      .array(Basis)
      .check(z.minLength(1, 'cite at least one law and article'), z.maxLength(5)),
  })
  .check(
    z.refine((r) => r.decision === 'confirm' || r.note.trim().length > 0, {
      message: 'say what was corrected',
      path: ['note'],
    }),
  );
export type StationConfirmRequest = z.infer<typeof StationConfirmRequest>;

/** Who confirmed: an officer of the brigade, or its accident squad's reviewer. */
const Confirmer = z.object({
  id: Id,
  name: line(TEXT_LIMITS.name),
  role: z.enum(['officer', 'reviewer']),
});

export const StationConfirmation = z.object({
  caseId: Id,
  by: Confirmer,
  decision: StationDecision,
  note: z.string(),
  liability: LiabilityByVehicle,
  reason: z.string(),
  /** The law and article(s) cited (empty on confirmations made before they were asked). */
  basis: z.array(Basis),
  /** The stored version the officer confirmed. */
  manifestVersion: z.number(),
  at: Instant,
});
export type StationConfirmation = z.infer<typeof StationConfirmation>;

/** A station's case as the brigade's officers read it. */
export const HandedOverCase = z.object({
  caseId: Id,
  caseNumber: z.string(),
  arrivedAt: Instant,
  address: z.string(),
  /** The rural station's unit. */
  unitName: z.string(),
  handover: z.object({ by: Person, at: Instant, to: z.nullable(Id), note: z.string() }),
  /** The officer the station named at hand-over, when it named one of the brigade's. */
  meantFor: z.nullable(Person),
  vehicles: z.array(z.object({ label: z.string(), plate: z.string() })),
  parties: z.array(z.object({ vehicleLabel: z.string(), name: z.string() })),
  photos: z.number(),
  manifestVersion: z.number(),
});
export type HandedOverCase = z.infer<typeof HandedOverCase>;

export const HandedOverList = z.object({ items: z.array(HandedOverCase) });
export type HandedOverList = z.infer<typeof HandedOverList>;

/** An officer of the station's brigade, as the station's hand-over picker lists him. */
export const BrigadeOfficer = z.object({ id: Id, name: z.string(), unitName: z.string() });
export type BrigadeOfficer = z.infer<typeof BrigadeOfficer>;

export const BrigadeOfficers = z.object({ officers: z.array(BrigadeOfficer) });
export type BrigadeOfficers = z.infer<typeof BrigadeOfficers>;

export const STATION_REFUSALS = {
  not_awaiting_officer:
    '409: the case was not handed over by a station, or an officer has confirmed it already',
  invalid_determination: '422: the liability does not name exactly the case’s vehicles',
} as const;

export const stationRoutes = [
  defineRoute({
    id: 'station.officers',
    method: 'GET',
    path: '/api/station/officers',
    summary:
      'The active officers of the station’s brigade, by unit and name: whom a station may name at hand-over (kept on the phone for offline use)',
    access: ['station'],
    scoped: false,
    responses: { 200: { description: 'The brigade’s officers', schema: BrigadeOfficers } },
  }),
  defineRoute({
    id: 'station.handovers',
    method: 'GET',
    path: '/api/station/handovers',
    summary:
      'The brigade’s rural-station cases handed over and waiting for an officer, oldest first (its officers and its accident squad’s reviewers)',
    access: ['officer', 'reviewer'],
    scoped: false,
    responses: { 200: { description: 'Waiting cases', schema: HandedOverList } },
  }),
  defineRoute({
    id: 'station.confirm',
    method: 'POST',
    path: '/api/cases/:id/confirm',
    summary:
      'An officer of the brigade confirms (or corrects) a station’s case and determines liability with its legal basis; the station’s phone hears of it on its next pull (a `station-confirmed` change), the parties sign there, and the signed case becomes his; audited',
    description: Object.entries(STATION_REFUSALS)
      .map(([code, what]) => `\`${code}\` ${what}`)
      .join('; '),
    access: ['officer', 'reviewer'],
    scoped: true,
    params: IdParams,
    body: StationConfirmRequest,
    responses: {
      200: { description: 'Confirmed and determined', schema: StationConfirmation },
      409: { description: '`not_awaiting_officer`', schema: ErrorBody },
      422: { description: '`invalid_determination`', schema: ErrorBody },
    },
  }),
] as const;

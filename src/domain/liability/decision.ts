/**
 * The engine's output: the stable contract printed by `npm run liability` and
 * read by the UI. Field names here are part of that contract.
 */
import type { Bilingual, LiabilityLevel } from './catalog.schema';
import type { UsedFact } from './derive';

/** Liability per vehicle id. */
export type LiabilityMap = Record<string, LiabilityLevel>;

/** A law and article cited by a finding or an escalation. */
export interface BasisRef {
  readonly law: string;
  readonly article: string;
}

/** One scenario applied to one impact. */
export interface Finding {
  readonly scenarioId: string;
  /** Vehicles in the scenario's roles, first (at-fault) role first. */
  readonly vehicleIds: readonly string[];
  readonly liability: LiabilityMap;
  readonly basis: readonly BasisRef[];
  readonly explanation: Bilingual;
  readonly factsUsed: readonly UsedFact[];
  /** Index into `facts.impacts`. */
  readonly impact: number;
  /** The catalog modifier (overlay.json) that shaped this finding, if any. */
  readonly modifierId?: string;
}

/** A different outcome the officer may choose, with when it applies. */
export interface Alternative {
  readonly liability: LiabilityMap;
  readonly reason: Bilingual;
}

/** The question to ask next; put the answer in `facts.answers` (or `facts.checks.answers` for escalation). */
export interface NextQuestion {
  readonly id: string;
  readonly source: 'escalation' | 'scenario';
  /** The vehicle the question is about (the scenario's first role). */
  readonly vehicleId?: string;
  readonly otherVehicleId?: string;
  /**
   * The roles the question assumes: answer as if `vehicleId` is `roles.vehicle`
   * (e.g. "vehicle breaking alternate order") and `otherVehicleId` is `roles.other`.
   */
  readonly roles?: { readonly vehicle: Bilingual; readonly other: Bilingual };
  readonly text: Bilingual;
  readonly options?: readonly { readonly value: string; readonly text: Bilingual }[];
  readonly scenarioId?: string;
  readonly impact?: number;
}

/** Why the case leaves quick handling. */
export interface Escalation {
  readonly ruleId: string;
  readonly action: 'escalate' | 'out_of_scope';
  readonly reason: Bilingual;
  readonly basis: readonly BasisRef[];
  readonly instruction?: Bilingual;
}

/** The result for one impact. */
export interface ImpactResult {
  readonly impact: number;
  readonly striking: string;
  readonly struck: string;
  readonly outcome: 'liability' | 'escalate' | 'need-more-facts';
  readonly liability?: LiabilityMap;
  readonly how?: Bilingual;
  readonly alternatives?: readonly Alternative[];
  readonly officerMustConfirm?: boolean;
}

/** The engine's decision for one facts record. */
export interface LiabilityDecision {
  readonly outcome: 'liability' | 'escalate' | 'need-more-facts';
  /** Per vehicle; set when `outcome` is `liability`. */
  readonly liability?: LiabilityMap;
  /** True when primary/secondary is proposed: the officer must confirm (第60条). */
  readonly officerMustConfirm: boolean;
  readonly alternatives: readonly Alternative[];
  readonly escalation?: Escalation;
  readonly nextQuestion?: NextQuestion;
  /** Ids of the scenarios that matched, in catalog order. */
  readonly scenarios: readonly string[];
  readonly findings: readonly Finding[];
  readonly impacts: readonly ImpactResult[];
  /** On escalation: what the facts would give if investigated, when they decide it. */
  readonly liabilityHint?: LiabilityMap;
  /** On escalation: why no hint can be given (the order of impacts is disputed). */
  readonly liabilityHintWithheld?: Bilingual;
  readonly catalogVersion: string;
}

import type { Actor } from '../lifecycle/actor';
import type { Refusal } from '../refusals/refusal';

/** The programme's processes beside the cluster analyses, each a workflow of its own per subject. */
export enum ProcessKind {
  PlatinumProject = 'platinum-project',
  PlatinumProposal = 'platinum-proposal',
  XPolicy = 'x-policy',
}

/** What one process instance is about: the year's Platinum project (key ''), one proposal (its number), one bureau's X policy (its code). */
export interface ProcessSubject {
  readonly kind: ProcessKind;
  readonly fiscalYear: number;
  readonly key: string;
}

/** The saved version a save adds to the read model: the words are stored by the API under the hash. */
export interface SavedDocumentText {
  /** Which document of the process: proposal, decision, plan, progress/<issue>/<n>. */
  readonly document: string;
  readonly version: number;
  readonly title: string;
  readonly empty: boolean;
  readonly textHash: string;
}

/** What one accepted command changed, for the audit trail. */
export interface ProcessChange {
  readonly action: string;
  readonly actor: Actor;
  readonly document: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
  readonly savedText: SavedDocumentText | null;
}

export type ProcessDecision<S> =
  | { readonly accepted: true; readonly state: S; readonly change: ProcessChange }
  | { readonly accepted: false; readonly refusal: Refusal };

/**
 * One change of a process as its workflow reports it to the audit trail and the read model. The
 * state is the process's whole state, which holds no texts and stays small; the words of every
 * document live in the read model under their hash.
 */
export interface ProcessEvent<S = unknown> {
  /** `<workflowId>/<first run id>#<seq>`: stable per effect and unique per process instance. */
  readonly eventId: string;
  /** The first run id of the workflow: continue-as-new keeps it. */
  readonly processId: string;
  readonly seq: number;
  readonly subject: ProcessSubject;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorName: string;
  readonly action: string;
  readonly fromPhase: string | null;
  readonly toPhase: string;
  readonly document: string | null;
  readonly comment: string | null;
  readonly details: Record<string, unknown>;
  /** The bureau the instance belongs to, for listing by bureau (the X policy's bureau, a proposal's owning bureau). */
  readonly bureauCode: string | null;
  readonly state: S;
  readonly savedText: SavedDocumentText | null;
}

/** The phases in which a process instance has ended, whatever its kind. */
export const CLOSED_PROCESS_PHASES: readonly string[] = ['CLOSED', 'WITHDRAWN'];

import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { loadAt, PersonLoad, preparePerson, renderExplanation, solvePanel, ZoneClocks, type Explanation, type LoadAt, type PanelOption, type ProposedOption } from '../core/index.js';
import type { Database, StoredOption, StoredWindow } from '../db/schema.js';
import { loadEngineInput, type EngineInput } from './engine-input.js';
import type { RequestView } from './scheduling-context.js';
import { toCoreRules } from './stage-rules.js';

/** An option as the API and the request row carry it: ISO instants and a stable id. */
export type OptionData = StoredOption;

export interface RenderedExplanation {
  code: string;
  params: unknown;
  message: string;
}

export interface OptionsResult {
  options: OptionData[];
  explanations: RenderedExplanation[];
  people: EngineInput['people'];
  /** An assigned person's existing interviews on the day and in the week of a start, with their limits. */
  loadOf?: (personId: string, start: string) => LoadAt | null;
}

/**
 * A stable id for an option: the same sessions with the same people always get the same id, so
 * an option shown on one request can be booked on the next without storing it in between.
 */
export function optionId(sessions: readonly { start: string; interviewerIds: readonly string[] }[]): string {
  const canonical = sessions.map((s) => `${s.start}|${[...s.interviewerIds].sort().join(',')}`).join(';');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
}

export function toOptionData(option: PanelOption): OptionData {
  const sessions = option.sessions.map((s) => ({ name: s.name, start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), interviewerIds: [...s.interviewerIds] }));
  return { id: optionId(sessions), sessions };
}

export function toProposal(option: { sessions: readonly { start: string; end: string; interviewerIds: readonly string[] }[] }): ProposedOption {
  return { sessions: option.sessions.map((s) => ({ start: Date.parse(s.start), end: Date.parse(s.end), interviewerIds: s.interviewerIds })) };
}

export function renderAll(explanations: readonly Explanation[], people: EngineInput['people']): RenderedExplanation[] {
  const names = (id: string) => people.get(id)?.name ?? 'An unknown interviewer';
  return explanations.map((e) => ({ code: e.code, params: e.params, message: renderExplanation(e, names) }));
}

/** The windows the next booking must fall in: what the client proposed after declining, else the candidate's. */
export async function bookingWindows(db: Kysely<Database>, view: RequestView): Promise<StoredWindow[] | null> {
  const declined = await db
    .selectFrom('interviews')
    .select(['client_proposed_windows', 'status'])
    .where('request_id', '=', view.request.id)
    .orderBy('created_at', 'desc')
    .orderBy('updated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (declined?.status === 'canceled' && declined.client_proposed_windows?.length) return declined.client_proposed_windows;
  return view.request.candidate_windows;
}

export interface SolveOptions {
  now: Date;
  /** The interview being moved (its own holds are ignored). */
  excludeInterviewId?: string | null;
  optionsCount?: number;
  overrideLimitsFor?: readonly string[];
}

/** Runs the panel solver for a request: options with ids, or explanations rendered with people's names. */
export async function solveRequest(db: Kysely<Database>, view: RequestView, options: SolveOptions): Promise<OptionsResult & { engine: EngineInput }> {
  const rules = toCoreRules(view.rules);
  const engine = await loadEngineInput(db, {
    organizationId: view.request.organization_id,
    rules: options.optionsCount ? { ...rules, optionsCount: options.optionsCount } : rules,
    candidate: { timeZone: view.candidate.time_zone, windows: await bookingWindows(db, view) },
    now: options.now,
    excludeInterviewId: options.excludeInterviewId ?? null,
    overrideLimitsFor: options.overrideLimitsFor ?? [],
  });
  const result = solvePanel(engine.input);
  return { options: result.options.map(toOptionData), explanations: renderAll(result.explanations, engine.people), people: engine.people, loadOf: loadsOf(engine), engine };
}

/** Load lookups over the people the solver saw (their interviews around the horizon and their limits). */
function loadsOf(engine: EngineInput): (personId: string, start: string) => LoadAt | null {
  const clocks = new ZoneClocks();
  const loads = new Map<string, PersonLoad>();
  return (personId, start) => {
    let load = loads.get(personId);
    if (!load) {
      const person = engine.input.people.find((p) => p.id === personId);
      if (!person) return null;
      load = new PersonLoad(preparePerson(person, clocks));
      loads.set(personId, load);
    }
    return loadAt(load, Date.parse(start));
  };
}

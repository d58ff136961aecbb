/**
 * Eight weeks of scheduling history for the demo organization, so `npm start` opens on a product
 * in use: requests booked, rescheduled (by candidates and by staff), completed, missed and
 * canceled in the past; interviews coming up; and open requests of different ages waiting on the
 * coordinator, the candidate or the client. Every step goes through the real commands with the
 * clock set to when it happened, so transitions, audit chain, outbox and the no-overlap guarantee
 * are exactly what the product would have written. Steps run in time order across requests.
 */
import type { Kysely } from 'kysely';
import type { RequestContext, UserActor } from '../auth/actor.js';
import { hashToken } from '../auth/tokens.js';
import { Conflict } from '../core/errors.js';
import { DAY, HOUR } from '../core/index.js';
import type { Database, Initiator, InterviewOutcome, StageKind } from '../db/schema.js';
import { bookFromLink, cancelFromLink, rescheduleFromLink } from './candidate-links.js';
import { cancelOpenRequestsOf } from './interview-changes.js';
import { approveInterview, cancelInterview, recordOutcome, rescheduleInterview } from './interviews.js';
import { activeInterview, loadRequestView } from './scheduling-context.js';
import { solveRequest, type OptionData } from './scheduling-options.js';
import type { StageRules } from './stage-rules.js';
import { bookSchedulingRequest, createSchedulingRequest, offerSchedulingRequest } from './scheduling-requests.js';

type Step =
  | { do: 'offer'; after: number }
  | { do: 'candidate_books'; after: number }
  | { do: 'staff_books'; after: number }
  | { do: 'client_approves'; after: number }
  | { do: 'reschedule'; after: number; by: Initiator; reason: string }
  | { do: 'outcome'; outcome: InterviewOutcome }
  | { do: 'cancel'; after: number; by: 'candidate' | 'staff'; reason: string };

interface Story {
  candidate: number;
  requisition: string;
  stage: StageKind;
  /** When the request was opened, in days before now. */
  openedAt: number;
  /** Book times after now (an interview coming up), not times that have passed. */
  ahead?: boolean;
  steps: Step[];
}

const names = [
  'Aisha Khan', 'Ben Carter', 'Carmen Ruiz', 'Dev Patel', 'Elena Petrova', 'Felix Wagner', 'Grace Liu', 'Hugo Laurent',
  'Ivy Nguyen', 'Jonas Berg', 'Kara Singh', 'Liam O’Brien', 'Mina Haddad', 'Noah Kim', 'Olivia Stone', 'Pedro Alves',
  'Quinn Murphy', 'Rosa Bianchi', 'Sofia Rossi', 'Theo Walsh', 'Uma Reddy', 'Victor Lee', 'Wendy Clark', 'Yusuf Ali',
  'Zoe Adams', 'Arjun Mehta', 'Bella Moreno', 'Caleb Fox', 'Dina Cohen', 'Ethan Price',
];
const zones = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'Europe/London', 'America/Denver', 'America/New_York'];
const sources = ['referral', 'job_board', 'linkedin', 'agency_sourcing', 'careers_site'];

const screenDone = (outcome: InterviewOutcome = 'completed'): Step[] => [{ do: 'offer', after: 2 }, { do: 'candidate_books', after: 20 }, { do: 'outcome', outcome }];

/** The past: which request, when it opened (days before now), and what happened to it. */
function pastStories(): Story[] {
  const stories: Story[] = [];
  const backend = 'Senior Backend Engineer';
  const analyst = 'Data Analyst';
  const designer = 'Product Designer';
  const weekly: [string, StageKind, Step[]][] = [
    [backend, 'recruiter_screen', screenDone()],
    [backend, 'hiring_manager', [{ do: 'offer', after: 5 }, { do: 'candidate_books', after: 30 }, { do: 'reschedule', after: 18, by: 'candidate', reason: 'A work meeting moved.' }, { do: 'outcome', outcome: 'completed' }]],
    [backend, 'panel', [{ do: 'staff_books', after: 26 }, { do: 'outcome', outcome: 'completed' }]],
    [analyst, 'recruiter_screen', screenDone()],
    [analyst, 'client', [{ do: 'offer', after: 4 }, { do: 'candidate_books', after: 22 }, { do: 'client_approves', after: 9 }, { do: 'outcome', outcome: 'completed' }]],
    [designer, 'recruiter_screen', [{ do: 'offer', after: 3 }, { do: 'candidate_books', after: 40 }, { do: 'reschedule', after: 10, by: 'staff', reason: 'Recruiter out sick.' }, { do: 'outcome', outcome: 'completed' }]],
  ];
  const twists: Step[][] = [
    screenDone('candidate_no_show'),
    [{ do: 'offer', after: 3 }, { do: 'candidate_books', after: 12 }, { do: 'cancel', after: 30, by: 'candidate', reason: 'Accepted another offer.' }],
    [{ do: 'offer', after: 6 }, { do: 'cancel', after: 70, by: 'staff', reason: 'Requisition budget on hold.' }],
    [{ do: 'offer', after: 2 }, { do: 'candidate_books', after: 8 }, { do: 'reschedule', after: 6, by: 'candidate', reason: 'Childcare.' }, { do: 'reschedule', after: 12, by: 'interviewer', reason: 'Interviewer travelling.' }, { do: 'outcome', outcome: 'completed' }],
    screenDone('interviewer_no_show'),
  ];
  const twistOfWeek: Record<number, number> = { 8: 0, 6: 3, 5: 1, 4: 4, 3: 0, 2: 2 };
  let candidate = 0;
  for (let week = 8; week >= 2; week--) {
    // Three or four requests a week, on different weekdays and hours, so medians are not flat.
    const picks = [(week * 2) % weekly.length, (week * 2 + 1) % weekly.length, (week * 5 + 3) % weekly.length];
    for (const [n, pick] of picks.entries()) {
      const [requisition, stage, steps] = weekly[pick]!;
      stories.push({ candidate: candidate++, requisition, stage, openedAt: week * 7 - n * 2 - (week % 3) * 0.3, steps });
    }
    const twist = twistOfWeek[week];
    if (twist !== undefined) stories.push({ candidate: candidate++, requisition: week % 4 === 0 ? analyst : backend, stage: 'recruiter_screen', openedAt: week * 7 - 1.5, steps: twists[twist]! });
  }
  return stories;
}

/** The present: open requests waiting on someone, and interviews coming up. */
function currentStories(first: number): Story[] {
  let candidate = first;
  const story = (requisition: string, stage: StageKind, openedAt: number, steps: Step[]): Story => ({ candidate: candidate++, requisition, stage, openedAt, steps, ahead: true });
  return [
    // Waiting on the coordinator: just opened, a day old, most of a week, over a week.
    story('Senior Backend Engineer', 'recruiter_screen', 0.12, []),
    story('Senior Backend Engineer', 'panel', 1.2, []),
    story('Data Analyst', 'recruiter_screen', 4.5, []),
    story('Product Designer', 'client', 9, []),
    // Waiting on the candidate to pick a time.
    story('Senior Backend Engineer', 'hiring_manager', 0.4, [{ do: 'offer', after: 3 }]),
    story('Data Analyst', 'recruiter_screen', 2.2, [{ do: 'offer', after: 1 }]),
    story('Product Designer', 'recruiter_screen', 6, [{ do: 'offer', after: 20 }]),
    // Waiting on the client to approve the booked time.
    story('Data Analyst', 'client', 1.4, [{ do: 'offer', after: 2 }, { do: 'candidate_books', after: 8 }]),
    story('Product Designer', 'client', 2.2, [{ do: 'offer', after: 20 }, { do: 'candidate_books', after: 12 }]),
    // Booked and coming up (booked a day or so ago, so the offered times reach past tomorrow).
    story('Senior Backend Engineer', 'panel', 1, [{ do: 'staff_books', after: 6 }, { do: 'outcome', outcome: 'completed' }]),
    story('Senior Backend Engineer', 'recruiter_screen', 1.3, [{ do: 'offer', after: 1 }, { do: 'candidate_books', after: 10 }, { do: 'outcome', outcome: 'completed' }]),
    story('Senior Backend Engineer', 'hiring_manager', 1.5, [{ do: 'offer', after: 2 }, { do: 'candidate_books', after: 12 }, { do: 'outcome', outcome: 'completed' }]),
    story('Data Analyst', 'client', 1.6, [{ do: 'offer', after: 2 }, { do: 'candidate_books', after: 6 }, { do: 'client_approves', after: 10 }, { do: 'outcome', outcome: 'completed' }]),
    story('Product Designer', 'recruiter_screen', 1.2, [{ do: 'offer', after: 1 }, { do: 'candidate_books', after: 5 }, { do: 'reschedule', after: 8, by: 'candidate', reason: 'Exam that morning.' }, { do: 'outcome', outcome: 'completed' }]),
  ];
}

export interface HistorySeed {
  organizationId: string;
  now: Date;
  publicUrl: string;
}

export interface HistoryResult {
  requests: number;
  steps: number;
  /** Steps the product refused (e.g. nothing fit); the story stops there. Zero in a healthy seed. */
  refused: string[];
}

interface Running {
  story: Story;
  requestId: string | null;
  at: number;
  next: number;
  token: string | null;
}

/**
 * Writes the history into the demo organization seeded at `now − 8 weeks` (see `seedDemo`).
 * Interviews still ahead of `now` stay booked; those that should have happened get their outcome.
 */
export async function seedDemoHistory(db: Kysely<Database>, seed: HistorySeed): Promise<HistoryResult> {
  const { organizationId, now } = seed;
  const users = await db.selectFrom('users').selectAll().where('organization_id', '=', organizationId).execute();
  const actor = (email: string): UserActor => {
    const u = users.find((x) => x.email === email);
    if (!u) throw new Error(`demo history needs ${email}`);
    return { kind: 'user', id: u.id, organizationId, role: u.role, clientId: u.client_id, name: u.name, sessionId: null };
  };
  const coordinator = actor('coordinator@acme.test');
  const recruiter = actor('recruiter@acme.test');
  const at = (time: number, who: UserActor): RequestContext => ({ actor: who, ip: null, userAgent: 'Loopwise demo', now: new Date(time) });
  const meta = (time: number) => ({ ip: null, userAgent: 'Loopwise demo (candidate)', now: new Date(time), publicUrl: seed.publicUrl });

  const stories = pastStories();
  stories.push(...currentStories(stories.length));
  const applications = await createApplications(db, organizationId, stories, now);
  // Interviews coming up start more than a day out, so the demo starts without a burst of due reminders.
  const upcomingFrom = now.getTime() + 26 * HOUR;

  const running: Running[] = stories.map((story) => ({ story, requestId: null, at: now.getTime() - story.openedAt * DAY, next: -1, token: null }));
  const result: HistoryResult = { requests: 0, steps: 0, refused: [] };
  /**
   * The option a person would pick at `time`: one that still meets the stage's notice (and leaves
   * a later online reschedule before the cutoff), ahead of now or already over as the story wants.
   */
  const pickOption = (options: readonly OptionData[], due: Running, rules: StageRules, index: number): OptionData | undefined => {
    const next = due.story.steps[due.next + 1];
    const reschedulesLater = next?.do === 'reschedule' ? (next.after + rules.reschedule.cutoffHours + 1) * HOUR : 0;
    const earliest = due.at + Math.max(rules.minNoticeHours * HOUR, reschedulesLater);
    // Nothing in the next day: interviews around "now" would start the demo with reminders due at once.
    const possible = options.filter((o) => Date.parse(o.sessions[0]!.start) >= earliest && (Date.parse(o.sessions[0]!.start) >= upcomingFrom || Date.parse(o.sessions[0]!.start) < now.getTime() - 4 * HOUR));
    const preferred = possible.filter((o) =>
      due.story.ahead ? Date.parse(o.sessions[0]!.start) >= upcomingFrom : Date.parse(o.sessions[o.sessions.length - 1]!.end) + 2 * HOUR < now.getTime(),
    );
    const pool = preferred.length > 0 ? preferred : possible;
    return pool[Math.min(index, pool.length - 1)];
  };

  for (;;) {
    const due = running.filter((r) => r.at <= now.getTime() && r.next < r.story.steps.length).sort((a, b) => a.at - b.at)[0];
    if (!due) break;
    const { story } = due;
    try {
      if (due.requestId === null) {
        const stageId = applications.stageOf(story);
        const opener = story.stage === 'recruiter_screen' ? recruiter : coordinator;
        due.requestId = (await createSchedulingRequest(db, at(due.at, opener), { applicationId: applications.of(story), stageId })).request.id;
        result.requests++;
      } else {
        const step = story.steps[due.next]!;
        const requestId = due.requestId;
        switch (step.do) {
          case 'offer':
            await offerSchedulingRequest(db, at(due.at, coordinator), requestId, { publicUrl: seed.publicUrl, optionsCount: 10 });
            due.token = await liveToken(db, requestId);
            break;
          case 'candidate_books': {
            let view = await loadRequestView(db, organizationId, requestId);
            if (!pickOption(view.request.offered_options ?? [], due, view.rules, 0)) {
              // The offered times went stale before the candidate answered: the coordinator sends fresh ones.
              await offerSchedulingRequest(db, at(due.at, coordinator), requestId, { publicUrl: seed.publicUrl, optionsCount: 10 });
              due.token = await liveToken(db, requestId);
              due.at += 2 * HOUR;
              view = await loadRequestView(db, organizationId, requestId);
            }
            const option = pickOption(view.request.offered_options ?? [], due, view.rules, due.next % 3);
            if (!option || !due.token) throw new Error('no offered option');
            try {
              await bookFromLink(db, due.token, option.id, meta(due.at));
            } catch (error) {
              // Someone else took that time meanwhile: the page showed fresh times and the candidate picked one.
              if (!(error instanceof Conflict)) throw error;
              const fresh = pickOption((await loadRequestView(db, organizationId, requestId)).request.offered_options ?? [], due, view.rules, 0);
              if (!fresh) throw error;
              await bookFromLink(db, due.token, fresh.id, meta(due.at));
            }
            due.token = await liveToken(db, requestId);
            break;
          }
          case 'staff_books': {
            const view = await loadRequestView(db, organizationId, requestId);
            const option = pickOption((await solveRequest(db, view, { now: new Date(due.at), optionsCount: 10 })).options, due, view.rules, 0);
            if (!option) throw new Error('no option fits');
            await bookSchedulingRequest(db, at(due.at, coordinator), requestId, { choice: { sessions: sessionsOf(option) }, publicUrl: seed.publicUrl });
            due.token = await liveToken(db, requestId);
            break;
          }
          case 'client_approves': {
            const view = await loadRequestView(db, organizationId, requestId);
            const interview = await activeInterview(db, requestId);
            const client = view.requisition.client_id === users.find((u) => u.email === 'client@northwind.test')?.client_id ? 'client@northwind.test' : 'client@globex.test';
            if (!interview) throw new Error('nothing to approve');
            await approveInterview(db, at(due.at, actor(client)), interview.id, seed.publicUrl);
            due.token = await liveToken(db, requestId);
            break;
          }
          case 'reschedule': {
            const view = await loadRequestView(db, organizationId, requestId);
            const interview = await activeInterview(db, requestId);
            if (!interview) throw new Error('nothing to reschedule');
            const options = (await solveRequest(db, view, { now: new Date(due.at), excludeInterviewId: interview.id, optionsCount: 10 })).options.filter((o) => o.sessions[0]!.start !== interview.starts_at.toISOString());
            const option = pickOption(options, due, view.rules, 1);
            if (!option) throw new Error('no other time fits');
            if (step.by === 'candidate' && due.token) await rescheduleFromLink(db, due.token, { optionId: option.id, reason: step.reason }, meta(due.at));
            else await rescheduleInterview(db, at(due.at, coordinator), interview.id, { choice: { sessions: sessionsOf(option) }, initiator: step.by, reason: step.reason, publicUrl: seed.publicUrl });
            break;
          }
          case 'outcome': {
            const interview = await activeInterview(db, requestId);
            if (!interview) throw new Error('no interview for an outcome');
            const when = interview.ends_at.getTime() + 2 * HOUR;
            if (when > now.getTime()) {
              due.next = story.steps.length;
              continue;
            }
            due.at = Math.max(due.at, when);
            await recordOutcome(db, at(due.at, coordinator), interview.id, step.outcome);
            break;
          }
          case 'cancel':
            if (step.by === 'candidate' && due.token) {
              await cancelFromLink(db, due.token, step.reason, meta(due.at));
            } else {
              const interview = await activeInterview(db, requestId);
              if (interview) await cancelInterview(db, at(due.at, coordinator), interview.id, { reason: step.reason, initiator: step.by === 'candidate' ? 'candidate' : 'staff' });
              else await cancelOpenRequest(db, at(due.at, coordinator), requestId, step.reason);
            }
            break;
        }
        result.steps++;
      }
    } catch (error) {
      result.refused.push(`${story.requisition} / ${story.stage} / step ${due.next}: ${error instanceof Error ? error.message : String(error)}`);
      due.next = story.steps.length;
      continue;
    }
    due.next++;
    const following = story.steps[due.next];
    if (following && 'after' in following) due.at += following.after * HOUR;
    else if (following) due.at += HOUR;
  }
  // Everything the history queued was mailed back then: the mailbox shows it, the worker does not send it again.
  await db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'sent', sent_at: eb.ref('created_at'), attempts: 1 }))
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .where('created_at', '<', now)
    .execute();
  return result;
}

function sessionsOf(option: OptionData) {
  return option.sessions.map((s) => ({ start: s.start, end: s.end, interviewerIds: [...s.interviewerIds] }));
}

/** The newest link emailed for a request that still works (the candidate's link in their inbox). */
async function liveToken(db: Kysely<Database>, requestId: string): Promise<string | null> {
  const rows = await db.selectFrom('outbox_messages').select('payload').where('channel', '=', 'email').where('dedupe_key', 'like', `%${requestId}%`).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  const tokens = rows.flatMap((row) => {
    const token = /\/s\/([A-Za-z0-9_-]{20,})/.exec(JSON.stringify(row.payload))?.[1];
    return token ? [token] : [];
  });
  if (tokens.length === 0) return null;
  const live = await db.selectFrom('candidate_links').select('token_hash').where('request_id', '=', requestId).where('revoked_at', 'is', null).execute();
  const hashes = new Set(live.map((l) => l.token_hash));
  return tokens.find((t) => hashes.has(hashToken(t))) ?? null;
}

async function cancelOpenRequest(db: Kysely<Database>, ctx: RequestContext, requestId: string, reason: string): Promise<void> {
  const view = await loadRequestView(db, ctx.actor.organizationId, requestId);
  await db.transaction().execute((trx) => cancelOpenRequestsOf(trx, ctx, view.application.id, reason));
}

/** One new candidate and application per story, at the story's stage (submitted when the stage is the client's). */
async function createApplications(db: Kysely<Database>, organizationId: string, stories: Story[], now: Date) {
  const requisitions = await db.selectFrom('requisitions').select(['id', 'title']).where('organization_id', '=', organizationId).execute();
  const stages = await db.selectFrom('stages').select(['id', 'requisition_id', 'kind']).where('organization_id', '=', organizationId).execute();
  const requisitionId = (title: string) => requisitions.find((r) => r.title === title)?.id ?? '';
  const stageId = (story: Story) => stages.find((s) => s.requisition_id === requisitionId(story.requisition) && s.kind === story.stage)?.id ?? '';
  const candidates = await db
    .insertInto('candidates')
    .values(
      stories.map((story, n) => {
        const created = new Date(now.getTime() - (story.openedAt + 3) * DAY);
        const name = names[n % names.length]!;
        return {
          organization_id: organizationId,
          name: n < names.length ? name : `${name} ${Math.floor(n / names.length) + 1}`,
          email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${n >= names.length ? n : ''}@example.com`,
          time_zone: zones[n % zones.length]!,
          source: sources[n % sources.length]!,
          external_id: `C-${3001 + n}`,
          created_at: created,
          updated_at: created,
        };
      }),
    )
    .returning('id')
    .execute();
  const rows = await db
    .insertInto('applications')
    .values(
      stories.map((story, n) => {
        const created = new Date(now.getTime() - (story.openedAt + 3) * DAY);
        return {
          organization_id: organizationId,
          candidate_id: candidates[n]!.id,
          requisition_id: requisitionId(story.requisition),
          current_stage_id: stageId(story),
          status: 'active' as const,
          submitted_to_client_at: story.stage === 'client' ? created : null,
          created_at: created,
          updated_at: created,
        };
      }),
    )
    .returning('id')
    .execute();
  const byStory = new Map(stories.map((story, n) => [story, rows[n]!.id]));
  return { of: (story: Story) => byStory.get(story)!, stageOf: stageId };
}

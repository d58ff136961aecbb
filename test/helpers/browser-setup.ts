/**
 * Sets up scheduling states on a real running server through its public HTTP API, the way a
 * recruiter and a candidate would: sign in, open a request, offer it, read the emailed link from
 * the development mailbox (`/dev/mail.json`), and book from the link. Used by the browser tests
 * and the screenshot script; it needs a server started with `--demo`.
 */

export interface ApiSession {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what} answered ${status}: ${body}`);
  }
}

async function send<T>(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new HttpError(response.status, text, `${method} ${path}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Fails fast when the server has no built web app to serve (it looks for dist/web when it starts:
 * run `npx vite build` first, and not while a server under test is starting).
 */
export async function expectWebApp(baseUrl: string): Promise<void> {
  const response = await fetch(`${baseUrl}/s/check`, { headers: { accept: 'text/html' } });
  if (!(response.headers.get('content-type') ?? '').includes('text/html')) throw new Error('The server is not serving the web app: run `npx vite build` before the browser tests.');
}

/** Signs in with the demo password and returns a session that sends the cookie and CSRF header. */
export async function signIn(baseUrl: string, email: string, password = 'loopwise-demo'): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new HttpError(response.status, await response.text(), `sign-in of ${email}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('lw_csrf='))?.slice('lw_csrf='.length) ?? '';
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': decodeURIComponent(csrf) };
  return { call: (method, path, body) => send(baseUrl, method, path, headers, body) };
}

type Page<T> = { items: T[] };
type Requisition = { id: string; title: string; stages?: { id: string; key?: string; name: string; kind: string }[] };
type Application = { id: string; candidate: { id: string; name: string }; requisition: { id: string } };
type Email = { to: string; subject: string; text: string; createdAt: string };

export interface OfferedLink {
  token: string;
  requestId: string;
  candidateName: string;
  requisitionTitle: string;
}

/** The newest candidate link in the dev mailbox sent to the candidate, after `since`. */
export async function linkFromMailbox(baseUrl: string, since: string): Promise<string> {
  const { items } = await send<Page<Email>>(baseUrl, 'GET', '/dev/mail.json', {});
  for (const email of items) {
    if (email.createdAt < since) continue;
    const token = /\/s\/([A-Za-z0-9_-]{20,})/.exec(email.text)?.[1];
    if (token) return token;
  }
  throw new Error('no candidate link in the dev mailbox');
}

/**
 * Offers a stage of a demo application to its candidate: the requisition with this title, the
 * candidate with this name, the stage of this kind. Returns the emailed link's token.
 */
export async function offerStage(
  baseUrl: string,
  staff: ApiSession,
  input: { requisition: string; candidate: string; stageKind: string; optionsCount?: number },
): Promise<OfferedLink> {
  const requisitions = await staff.call<Page<Requisition>>('GET', `/api/v1/requisitions?q=${encodeURIComponent(input.requisition)}`);
  const requisition = requisitions.items.find((r) => r.title === input.requisition);
  if (!requisition) throw new Error(`no requisition ${input.requisition}`);
  const full = await staff.call<Requisition>('GET', `/api/v1/requisitions/${requisition.id}`);
  const stage = full.stages?.find((s) => s.kind === input.stageKind);
  if (!stage) throw new Error(`no ${input.stageKind} stage on ${input.requisition}`);
  const applications = await staff.call<Page<Application>>('GET', `/api/v1/applications?requisitionId=${requisition.id}`);
  const application = applications.items.find((a) => a.candidate.name === input.candidate);
  if (!application) throw new Error(`no application of ${input.candidate} on ${input.requisition}`);
  const request = await staff.call<{ id: string }>('POST', '/api/v1/scheduling-requests', { applicationId: application.id, stageId: stage.id });
  const since = new Date(Date.now() - 1000).toISOString();
  await staff.call('POST', `/api/v1/scheduling-requests/${request.id}/offer`, input.optionsCount ? { optionsCount: input.optionsCount } : {});
  return { token: await linkFromMailbox(baseUrl, since), requestId: request.id, candidateName: input.candidate, requisitionTitle: input.requisition };
}

/** Offers a request again (e.g. after the client declined the time) and returns the new link's token. */
export async function offerAgain(baseUrl: string, staff: ApiSession, requestId: string): Promise<string> {
  const since = new Date(Date.now() - 1000).toISOString();
  await staff.call('POST', `/api/v1/scheduling-requests/${requestId}/offer`, {});
  return linkFromMailbox(baseUrl, since);
}

type CandidatePage = { state: string; options: { id: string; start: string }[] };

/** Books the first offered option from the candidate's link, as the candidate would. */
export async function bookFirstOption(baseUrl: string, token: string): Promise<CandidatePage> {
  const page = await send<CandidatePage>(baseUrl, 'GET', `/api/v1/public/links/${token}`, {});
  const first = page.options[0];
  if (!first) throw new Error(`no options offered (state ${page.state})`);
  return send<CandidatePage>(baseUrl, 'POST', `/api/v1/public/links/${token}/book`, {}, { optionId: first.id });
}

/** Switches a requisition's stage of this kind to availability requests (the candidate sends windows). */
export async function askForAvailability(staff: ApiSession, requisitionTitle: string, stageKind: string): Promise<void> {
  const requisitions = await staff.call<Page<Requisition>>('GET', `/api/v1/requisitions?q=${encodeURIComponent(requisitionTitle)}`);
  const found = requisitions.items.find((r) => r.title === requisitionTitle);
  if (!found) throw new Error(`no requisition ${requisitionTitle}`);
  const full = await staff.call<{ stages: { id: string; kind: string; rules: Record<string, unknown> }[] }>('GET', `/api/v1/requisitions/${found.id}`);
  const stage = full.stages.find((s) => s.kind === stageKind);
  if (!stage) throw new Error(`no ${stageKind} stage on ${requisitionTitle}`);
  await staff.call('PATCH', `/api/v1/requisitions/${found.id}/stages/${stage.id}`, { rules: { ...stage.rules, mode: 'availability_request' } });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { backends } from '../helpers/db.js';

const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

describe.each(backends)('CSV imports on the %s database', (backend) => {
  let t: TestApp;
  let admin: Session;
  let recruiter: Session;
  let acme: string;
  let clock = new Date('2026-12-01T15:00:00Z');

  beforeAll(async () => {
    t = await openTestApp(backend, { demo: true, now: () => clock });
    admin = await signIn(t.app, 'admin@acme.test');
    recruiter = await signIn(t.app, 'recruiter@acme.test');
    acme = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Acme Staffing').executeTakeFirstOrThrow()).id;
    const beta = (await t.database.db.selectFrom('organizations').select('id').where('name', '=', 'Beta Talent').executeTakeFirstOrThrow()).id;
    await t.database.db.insertInto('clients').values({ organization_id: beta, name: 'Umbrella', external_id: 'CL-U' }).execute();
    await t.database.db
      .insertInto('candidates')
      .values({ organization_id: beta, name: 'Beta Person', email: 'beta.person@example.com', time_zone: 'UTC', external_id: 'B-1' })
      .execute();
  });
  afterAll(() => t.close());

  const post = (payload: Record<string, unknown>, session: Session = recruiter) => {
    clock = new Date(clock.getTime() + 60_000);
    return t.app.inject({ method: 'POST', url: '/api/v1/imports', headers: session.headers, payload });
  };
  const count = async (table: 'candidates' | 'requisitions' | 'applications' | 'imports') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', acme).executeTakeFirstOrThrow()).n);
  const candidate = (externalId: string) =>
    t.database.db.selectFrom('candidates').selectAll().where('organization_id', '=', acme).where('external_id', '=', externalId).executeTakeFirstOrThrow();

  const candidatesFile = csv(
    '\uFEFF External ID ,Name,Email,Time Zone,Phone,Source',
    'IMP-1,Ada Lovelace,ADA@example.com,Europe/London,+44 20 7946 0001,referral',
    '"IMP-2","Grace ""Amazing"" Hopper",grace@example.com,America/New_York,,job_board',
    'IMP-3,"Alan',
    'Turing",alan@example.com,Europe/London,,',
  );

  it('imports candidates in one go, reading BOM, quotes, CRLF and header case and spaces', async () => {
    const before = await count('candidates');
    const res = await post({ kind: 'candidates', fileName: 'people.csv', csv: candidatesFile });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'candidates', fileName: 'people.csv', status: 'succeeded', rows: 3, created: 3, updated: 0, skipped: 0,
      createdBy: { name: 'Riley Recruiter' },
      report: { rows: 3, created: 3, updated: 0, skipped: 0, errorCount: 0, errors: [] },
    });
    expect(await count('candidates')).toBe(before + 3);
    expect(await candidate('IMP-1')).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com', time_zone: 'Europe/London', phone: '+44 20 7946 0001', source: 'referral' });
    expect((await candidate('IMP-2')).name).toBe('Grace "Amazing" Hopper');
    expect((await candidate('IMP-3')).name).toBe('Alan\r\nTuring');
    const audit = await t.database.db.selectFrom('audit_events').select('action').where('organization_id', '=', acme).where('action', 'in', ['candidate.created', 'import.completed']).execute();
    expect(audit.filter((e) => e.action === 'candidate.created')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'import.completed')).toHaveLength(1);
  });

  it('updates by external id on re-import and skips rows that change nothing', async () => {
    const before = await count('candidates');
    const file = csv('external_id,name,email,time_zone,phone', 'IMP-1,Ada King,ada@example.com,Europe/London,', 'IMP-2,Grace Hopper,grace@example.com,America/New_York,', 'IMP-3,"Alan\r\nTuring",alan@example.com,Europe/London,');
    const res = await post({ kind: 'candidates', csv: file });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rows: 3, created: 0, updated: 2, skipped: 1 });
    expect(await count('candidates')).toBe(before);
    // A blank optional cell keeps the current value.
    expect(await candidate('IMP-1')).toMatchObject({ name: 'Ada King', phone: '+44 20 7946 0001' });
  });

  it('writes nothing when any row is invalid and names line, column and reason', async () => {
    const before = { candidates: await count('candidates'), imports: await count('imports') };
    const file = csv(
      'external_id,name,email,time_zone',
      'IMP-10,Valid Person,valid@example.com,UTC',
      'IMP-11,,bad-email,Mars/Olympus',
      'IMP-10,Again,again@example.com,UTC',
      'IMP-12,Short row',
    );
    const res = await post({ kind: 'candidates', fileName: 'bad.csv', csv: file });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('rule_violation');
    expect(body.error.message).toBe('5 problem(s) in the file, nothing was imported (first: line 3, name: is required).');
    expect(body.error.details).toMatchObject({ status: 'failed', fileName: 'bad.csv', rows: 4, created: 0, updated: 0, skipped: 0 });
    expect(body.error.details.report.errors).toEqual([
      { line: 3, column: 'name', message: 'is required' },
      { line: 3, column: 'email', message: 'Invalid email address' },
      { line: 3, column: 'time_zone', message: expect.stringContaining('time zone') },
      { line: 4, column: 'external_id', message: 'repeats the record of line 2: a file may name each record once' },
      { line: 5, column: null, message: 'has 2 cells but the header has 4 columns' },
    ]);
    expect(await count('candidates')).toBe(before.candidates);
    expect(await count('imports')).toBe(before.imports + 1);
    const stored = await t.app.inject({ method: 'GET', url: `/api/v1/imports/${body.error.details.id}`, headers: admin.headers });
    expect(stored.json().report.errorCount).toBe(5);
  });

  it('checks a file without writing anything on a dry run', async () => {
    const before = { candidates: await count('candidates'), imports: await count('imports'), audit: await t.database.db.selectFrom('audit_events').select('id').where('organization_id', '=', acme).execute() };
    const res = await post({ kind: 'candidates', fileName: 'check.csv', csv: csv('external_id,name,email,time_zone', 'IMP-20,New Person,new@example.com,UTC', 'IMP-1,Ada King,ada@example.com,Europe/London'), dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ dryRun: true, ok: true, kind: 'candidates', fileName: 'check.csv', report: { rows: 2, created: 1, updated: 0, skipped: 1, errorCount: 0, errors: [] } });
    expect(await count('candidates')).toBe(before.candidates);
    expect(await count('imports')).toBe(before.imports);
    expect(await t.database.db.selectFrom('audit_events').select('id').where('organization_id', '=', acme).execute()).toHaveLength(before.audit.length);
  });

  it('refuses unknown and missing columns before reading any row', async () => {
    const res = await post({ kind: 'candidates', csv: csv('external_id,Full Name,email', 'IMP-30,X,x@example.com'), dryRun: true });
    expect(res.json().report).toMatchObject({
      rows: 1, created: 0,
      errors: [
        { line: 1, column: 'Full Name', message: 'is not a column of a candidates file (columns: external_id, name, email, time_zone, phone, source)' },
        { line: 1, column: 'name', message: 'is missing from the header: this column is required' },
        { line: 1, column: 'time_zone', message: 'is missing from the header: this column is required' },
      ],
    });
  });

  it('reports a broken quote with its line', async () => {
    const res = await post({ kind: 'candidates', csv: 'external_id,name,email,time_zone\nIMP-40,"Open quote,x@example.com,UTC\n', dryRun: true });
    expect(res.json().report.errors).toEqual([{ line: 2, column: null, message: expect.stringMatching(/^The file is not valid CSV: Quote Not Closed/) }]);
  });

  it('imports requisitions with client by name or external id and people by email', async () => {
    await t.database.db.updateTable('clients').set({ external_id: 'CL-G' }).where('organization_id', '=', acme).where('name', '=', 'Globex').execute();
    const file = csv(
      'external_id,title,client,hiring_manager_email,recruiter_email,status',
      'REQ-1,Platform Engineer,northwind,hm@acme.test,recruiter@acme.test,',
      'REQ-2,Office Manager,CL-G,HM@acme.test,coordinator@acme.test,on_hold',
      'REQ-3,Internal Tools,,hm@acme.test,recruiter@acme.test,open',
    );
    const res = await post({ kind: 'requisitions', csv: file });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 3, updated: 0, skipped: 0 });
    const rows = await t.database.db
      .selectFrom('requisitions')
      .leftJoin('clients', 'clients.id', 'requisitions.client_id')
      .select(['requisitions.external_id', 'requisitions.status', 'clients.name as client'])
      .where('requisitions.organization_id', '=', acme)
      .where('requisitions.external_id', 'in', ['REQ-1', 'REQ-2', 'REQ-3'])
      .orderBy('requisitions.external_id')
      .execute();
    expect(rows).toEqual([
      { external_id: 'REQ-1', status: 'open', client: 'Northwind' },
      { external_id: 'REQ-2', status: 'on_hold', client: 'Globex' },
      { external_id: 'REQ-3', status: 'open', client: null },
    ]);
    const again = await post({ kind: 'requisitions', csv: csv('external_id,title,hiring_manager_email,recruiter_email,status', 'REQ-2,Office Manager,hm@acme.test,coordinator@acme.test,open', 'REQ-3,Internal Tools,hm@acme.test,recruiter@acme.test,') });
    expect(again.json()).toMatchObject({ created: 0, updated: 1, skipped: 1 });
  });

  it('cannot reach another organization’s clients, users or candidates', async () => {
    const before = await count('requisitions');
    const res = await post({
      kind: 'requisitions',
      csv: csv('external_id,title,client,hiring_manager_email,recruiter_email', 'REQ-9,Leak,Umbrella,admin@beta.test,recruiter@acme.test', 'REQ-10,Leak 2,CL-U,hm@acme.test,admin@beta.test'),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.report.errors).toEqual([
      { line: 2, column: 'hiring_manager_email', message: 'is not the email of a user of this organization' },
      { line: 2, column: 'client', message: 'is neither the name nor the external id of a client of this organization' },
      { line: 3, column: 'recruiter_email', message: 'is not the email of a user of this organization' },
      { line: 3, column: 'client', message: 'is neither the name nor the external id of a client of this organization' },
    ]);
    const apps = await post({ kind: 'applications', csv: csv('candidate_external_id,candidate_email,requisition_external_id', 'B-1,,REQ-1', ',beta.person@example.com,REQ-1'), dryRun: true });
    expect(apps.json().report.errors).toEqual([
      { line: 2, column: 'candidate_external_id', message: 'matches no candidate of this organization' },
      { line: 3, column: 'candidate_email', message: 'matches no candidate of this organization' },
    ]);
    expect(await count('requisitions')).toBe(before);
  });

  it('passes on the commands’ own rules: a client user cannot be a recruiter', async () => {
    const res = await post({ kind: 'requisitions', csv: csv('external_id,title,hiring_manager_email,recruiter_email', 'REQ-11,Role,hm@acme.test,client@northwind.test'), dryRun: true });
    expect(res.json().report.errors).toEqual([{ line: 2, column: 'recruiter_email', message: 'must be a recruiter, coordinator or admin' }]);
  });

  it('imports applications and moves them to the named stage', async () => {
    const file = csv('candidate_external_id,candidate_email,requisition_external_id,stage', 'IMP-1,,REQ-1,', ',grace@example.com,REQ-1,hm', 'C-2002,,ATS-1001,hm');
    const res = await post({ kind: 'applications', csv: file });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: 2, updated: 1, skipped: 0 });
    const stages = await t.database.db
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .innerJoin('requisitions', 'requisitions.id', 'applications.requisition_id')
      .innerJoin('stages', 'stages.id', 'applications.current_stage_id')
      .select(['candidates.external_id as candidate', 'requisitions.external_id as requisition', 'stages.key'])
      .where('candidates.external_id', 'in', ['IMP-1', 'IMP-2', 'C-2002'])
      .where('requisitions.external_id', 'in', ['REQ-1', 'ATS-1001'])
      .orderBy('candidates.external_id')
      .execute();
    expect(stages).toEqual([
      { candidate: 'C-2002', requisition: 'ATS-1001', key: 'hm' },
      { candidate: 'IMP-1', requisition: 'REQ-1', key: 'screen' },
      { candidate: 'IMP-2', requisition: 'REQ-1', key: 'hm' },
    ]);
    const bad = await post({ kind: 'applications', csv: csv('candidate_external_id,requisition_external_id,stage', 'IMP-1,REQ-1,final_round', 'C-2006,ATS-1003,client', 'IMP-3,NOPE,'), dryRun: true });
    expect(bad.json().report.errors).toEqual([
      { line: 2, column: 'stage', message: 'is not the key of a stage of this requisition' },
      { line: 3, column: null, message: 'This application is rejected; only active applications can change.' },
      { line: 4, column: 'requisition_external_id', message: 'matches no requisition of this organization' },
    ]);
  });

  it('limits the size and the number of rows', async () => {
    const big = await post({ kind: 'candidates', csv: 'external_id,name,email,time_zone\n' + 'x'.repeat(1024 * 1024) });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details).toEqual([{ path: 'body.csv', message: expect.stringContaining('1048576') }]);
    const rows = Array.from({ length: 1001 }, (_, i) => `L-${i},P ${i},p${i}@example.com,UTC`);
    const many = await post({ kind: 'candidates', csv: csv('external_id,name,email,time_zone', ...rows), dryRun: true });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.message).toBe('The file has 1001 rows; one import takes at most 1000. Split it into several files.');
  });

  it('lists imports newest first, a page at a time', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/imports?limit=2', headers: admin.headers });
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(2);
    expect(page.items[0]).toMatchObject({ kind: 'applications', status: 'succeeded', created: 2, updated: 1 });
    expect(page.items[0].report).toBeUndefined();
    const rest = await t.app.inject({ method: 'GET', url: `/api/v1/imports?limit=50&cursor=${page.nextCursor}`, headers: admin.headers });
    expect(rest.json().items.map((i: { fileName: string }) => i.fileName)).toContain('people.csv');
    expect(page.items.length + rest.json().items.length).toBe(await count('imports'));
  });
});

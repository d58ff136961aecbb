import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDAVClient } from 'tsdav';
import { freePort } from './smtp.js';

/** Whether Debian's `radicale` is installed; under CI it must be. */
export const radicaleInstalled = spawnSync('sh', ['-c', 'command -v radicale'], { encoding: 'utf8' }).status === 0;
if (!radicaleInstalled && process.env.CI === 'true') throw new Error('radicale is required under CI=true (apt-get install radicale)');

export interface RadicaleUser {
  username: string;
  password: string;
}

export interface TestRadicale {
  /** e.g. `http://127.0.0.1:5232/` */
  url: string;
  users: RadicaleUser[];
  /** Creates a calendar collection `/<user>/<name>/` and returns its URL. */
  makeCalendar(user: RadicaleUser, name: string): Promise<string>;
  /** Writes a raw iCalendar object into a calendar. */
  putEvent(user: RadicaleUser, calendarUrl: string, filename: string, ics: string): Promise<void>;
  /** The raw `.ics` objects of a calendar, by file name. */
  objects(user: RadicaleUser, calendarUrl: string): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

const auth = (user: RadicaleUser) => `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

/**
 * A real Radicale CalDAV server on a free port with its own temporary folder (plain htpasswd
 * users, owner-only rights). `stop()` ends the process and removes the folder.
 */
export async function startRadicale(users: RadicaleUser[] = [{ username: 'alice', password: 'alice-pass' }]): Promise<TestRadicale> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'loopwise-radicale-'));
  const port = await freePort();
  writeFileSync(path.join(dir, 'users'), users.map((u) => `${u.username}:${u.password}`).join('\n') + '\n');
  writeFileSync(
    path.join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${path.join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${path.join(dir, 'collections')}`,
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('radicale', ['--config', path.join(dir, 'config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`radicale exited: ${stderr}`);
    try {
      await fetch(url);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`radicale did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url,
    users,
    makeCalendar: async (user, name) => {
      const client = await createDAVClient({ serverUrl: url, credentials: user, authMethod: 'Basic', defaultAccountType: 'caldav' });
      const calendarUrl = `${url}${user.username}/${name}/`;
      await client.makeCalendar({ url: calendarUrl, props: { displayname: name } });
      return calendarUrl;
    },
    putEvent: async (user, calendarUrl, filename, ics) => {
      const res = await fetch(`${calendarUrl}${filename}`, { method: 'PUT', headers: { authorization: auth(user), 'content-type': 'text/calendar; charset=utf-8' }, body: ics });
      if (!res.ok) throw new Error(`PUT ${filename}: ${res.status} ${await res.text()}`);
    },
    objects: async (user, calendarUrl) => {
      const client = await createDAVClient({ serverUrl: url, credentials: user, authMethod: 'Basic', defaultAccountType: 'caldav' });
      const objects = await client.fetchCalendarObjects({ calendar: { url: calendarUrl } });
      return new Map(objects.map((o) => [o.url.slice(o.url.lastIndexOf('/') + 1), String(o.data)]));
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A message as the test SMTP server received it, with the parts tests look at decoded. */
export interface ReceivedMail {
  envelopeTo: string[];
  /** The name the client gave in EHLO (nodemailer's `name` option), to tell senders apart. */
  clientName: string;
  raw: string;
  header(name: string): string | undefined;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  /** The text/calendar part, if any: its `method` parameter and the decoded .ics. */
  calendar?: { method: string; ics: string };
}

export interface TestSmtpServer {
  port: number;
  /** SMTP_URL for Loopwise: plain SMTP (the package's built-in certificate has expired). */
  url: string;
  received: ReceivedMail[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (nothing listens on it when this resolves). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address !== 'object') throw new Error('no port');
  return address.port;
}

/**
 * A real SMTP server (the `smtp-server` package) on 127.0.0.1 that keeps every message.
 * `acceptDelayMs` holds the final 250 reply after a message has been received: a sender that dies
 * in that window has delivered a message it never learns about (the at-least-once window).
 */
export async function startSmtpServer(port = 0, options: { acceptDelayMs?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ ...parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)), clientName: session.hostNameAppearsAs });
        setTimeout(() => callback(), options.acceptDelayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // A client killed mid-session (the SIGKILL test) resets its connection: that is expected here.
  server.removeAllListeners('error');
  server.on('error', () => undefined);
  const address = server.server.address();
  const actualPort = address && typeof address === 'object' ? address.port : port;
  return {
    port: actualPort,
    url: `smtp://127.0.0.1:${actualPort}`,
    received,
    waitFor: async (count, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decode(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = part.body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => `%${hex}`);
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  }
  return part.body;
}

/** Leaf parts of a MIME message, depth first. */
function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1, -1);
  return sections.flatMap((section) => leaves(splitPart(section.replace(/^\n/, ''))));
}

/** Unfolds RFC 2047 encoded words in a header (nodemailer encodes non-ASCII subjects). */
function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, kind: string, text: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
}

export function parseMail(raw: string, envelopeTo: string[]): Omit<ReceivedMail, 'clientName'> {
  const root = splitPart(raw);
  const parts = leaves(root);
  const ofType = (type: string) => parts.find((part) => (part.headers.get('content-type') ?? 'text/plain').toLowerCase().startsWith(type));
  const text = ofType('text/plain');
  const html = ofType('text/html');
  const calendar = ofType('text/calendar');
  return {
    envelopeTo,
    raw,
    header: (name) => root.headers.get(name.toLowerCase()),
    messageId: root.headers.get('message-id') ?? '',
    subject: decodeHeader(root.headers.get('subject') ?? ''),
    text: text ? decode(text) : '',
    html: html ? decode(html) : '',
    ...(calendar
      ? { calendar: { method: /method=([A-Z]+)/i.exec(calendar.headers.get('content-type') ?? '')?.[1] ?? '', ics: decode(calendar) } }
      : {}),
  };
}

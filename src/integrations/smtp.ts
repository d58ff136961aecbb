import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type StreamTransport from 'nodemailer/lib/stream-transport/index.js';

/** One email as the mailer sends it. */
export interface OutgoingMail {
  /** The outbox row id: it makes the Message-ID and the .eml file name, stable across resends. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  calendar?: { method: 'REQUEST' | 'CANCEL'; ics: string } | undefined;
}

export interface SentMail {
  messageId: string;
  /** Where the message was written, when there is no SMTP server (development). */
  file?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

export interface MailerOptions {
  /** `smtp://` or `smtps://` URL; nodemailer options may ride along as query parameters. */
  smtpUrl: string | undefined;
  /** Without an SMTP URL, messages are written as `<mailDir>/<id>.eml`. */
  mailDir: string;
  /** Host of PUBLIC_URL: the right-hand side of Message-IDs and the sender address. */
  host: string;
}

/** Where the development mailbox keeps its `.eml` files. */
export function mailDirectory(dataDir: string): string {
  return path.join(dataDir, 'mail');
}

export function messageIdFor(id: string, host: string): string {
  return `<${id}@${host}>`;
}

// Shorter than nodemailer's defaults (2 and 10 minutes) so a send always ends well within the
// outbox lease and a hung server cannot make two workers hold the same row.
const smtpTimeouts: SMTPTransport.Options = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/**
 * Sends email through SMTP, or writes it as an `.eml` file when no server is configured. The
 * Message-ID is derived from the outbox row, so if a crash makes the worker send a row twice,
 * the receiving server and mail clients see the same message.
 */
export function createMailer(options: MailerOptions): Mailer {
  const from = { name: 'Loopwise', address: `no-reply@${options.host}` };
  const compose = (mail: OutgoingMail) => ({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.id, options.host),
    ...(mail.calendar ? { icalEvent: { method: mail.calendar.method, filename: 'invite.ics', content: mail.calendar.ics } } : {}),
  });

  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl, smtpTimeouts);
    return {
      send: async (mail) => {
        const message = compose(mail);
        const info = await transport.sendMail(message);
        if (info.rejected.length > 0) throw new Error(`The SMTP server rejected ${info.rejected.map(String).join(', ')}: ${info.response}`);
        return { messageId: message.messageId };
      },
      close: () => transport.close(),
    };
  }

  const streamOptions: StreamTransport.Options = { streamTransport: true, buffer: true, newline: 'unix' };
  const transport = nodemailer.createTransport(streamOptions);
  return {
    send: async (mail) => {
      const message = compose(mail);
      // `buffer: true` makes the stream transport hand back the whole message as a Buffer.
      const info = (await transport.sendMail(message)) as StreamTransport.SentMessageInfo;
      await mkdir(options.mailDir, { recursive: true });
      const file = path.join(options.mailDir, `${mail.id}.eml`);
      await writeFile(file, info.message as Buffer);
      return { messageId: message.messageId, file };
    },
    close: () => transport.close(),
  };
}

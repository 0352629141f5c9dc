import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

/** One e-mail as the worker hands it over. */
export interface OutgoingMail {
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  /** `<…@host>`: stable per notification (ADR 010). */
  messageId: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Where mail goes, for the start-up log (no credentials). */
  readonly target: string;
  /** Resolves once the server accepted the message (or the capture file is written); rejects otherwise. */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * SMTP through nodemailer when `smtpUrl` is set; otherwise each message is written as
 * `<captureDir>/<message id>.eml` (a resend of the same notification overwrites its own file), so a
 * developer without a mail server can read what would have been sent.
 */
export function createMailer(options: { smtpUrl?: string | undefined; captureDir: string }): Mailer {
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const transport = nodemailer.createTransport({
      url: options.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    return {
      target: `${url.protocol}//${url.hostname}:${url.port || (url.protocol === 'smtps:' ? 465 : 587)}`,
      async send(mail) {
        await transport.sendMail(mail);
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    target: options.captureDir,
    async send(mail) {
      const info = (await transport.sendMail(mail)) as { message: Buffer };
      await fs.mkdir(options.captureDir, { recursive: true });
      const name = `${mail.messageId.replace(/[^A-Za-z0-9.@-]/g, '')}.eml`;
      const file = path.join(options.captureDir, name);
      await fs.writeFile(`${file}.tmp`, info.message);
      await fs.rename(`${file}.tmp`, file);
    },
    close: () => transport.close(),
  };
}

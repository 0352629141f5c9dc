import http from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * The e2e run's mail server: a real SMTP server (smtp-server, the library the API tests use) on
 * loopback, started by Playwright before the API (playwright.config.ts `webServer`), so the API's
 * e-mail worker delivers over TCP exactly as in production. What it receives, parsed, is read by the
 * tests from a small HTTP endpoint: `GET /messages` → every message, oldest first.
 *
 *   E2E_SMTP_PORT   the SMTP port (the API gets SMTP_URL=smtp://127.0.0.1:<port>)
 *   E2E_MAIL_PORT   the HTTP port the tests read from
 */
export interface SinkMessage {
  messageId: string | null;
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** The same Message-ID seen before (a resend after a crash). */
  copies: number;
  receivedAt: string;
}

const smtpPort = Number(process.env.E2E_SMTP_PORT);
const httpPort = Number(process.env.E2E_MAIL_PORT);
if (!smtpPort || !httpPort) throw new Error('E2E_SMTP_PORT and E2E_MAIL_PORT are required');

const messages: SinkMessage[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        const messageId = mail.messageId ?? null;
        const copies = messages.filter((m) => messageId !== null && m.messageId === messageId).length + 1;
        messages.push({
          messageId,
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          html: typeof mail.html === 'string' ? mail.html : '',
          copies,
          receivedAt: new Date().toISOString(),
        });
        callback();
      },
      (error: Error) => callback(error),
    );
  },
});

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/messages') {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(messages));
    return;
  }
  response.writeHead(404).end();
});

smtp.listen(smtpPort, '127.0.0.1', () => {
  server.listen(httpPort, '127.0.0.1', () => {
    process.stdout.write(`e2e mail sink: SMTP on 127.0.0.1:${smtpPort}, messages at http://127.0.0.1:${httpPort}/messages\n`);
  });
});

const stop = () => {
  server.close();
  smtp.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

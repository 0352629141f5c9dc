/**
 * Ports of one e2e run, shared by playwright.config.ts and the tests: the app (`E2E_PORT`), and the
 * mail sink's SMTP and HTTP ports (mail-sink.ts), by default derived from the app's so that runs on
 * different `E2E_PORT`s never share a mail server.
 */
export const PORT = Number(process.env.E2E_PORT ?? 3199);
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 20_000);
export const MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? PORT + 21_000);

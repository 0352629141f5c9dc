import type { SinkMessage } from './mail-sink';
import { MAIL_PORT } from './ports';
import { expect, test as base, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';

/** The demo accounts seeded by `pnpm start` (README lists them). */
export const DEMO_PASSWORD = 'Prongsai-Demo-2569';
export const ACCOUNTS = {
  editor: 'editor@bangsainoi.example',
  otherEditor: 'editor@banshong.example',
  reviewer: 'reviewer@mukdahan.example',
  admin: 'admin@prongsai.example',
} as const;
export type AccountRole = keyof typeof ACCOUNTS;

/** The seeded agencies the journeys use (apps/api/src/db/seed.ts). */
export const AGENCIES = {
  bangSaiNoi: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  banShong: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
} as const;

/** Where the API lives, relative to `baseURL`. */
export const API = '/api/v1';
/** Writes made outside the SPA (no Origin header) must carry the CSRF header, like the SPA does. */
export const CSRF_HEADERS = { 'x-prongsai-csrf': '1' } as const;

/** An agency page: `/agencies/<uuid>`. */
export const AGENCY_URL = /\/agencies\/([0-9a-f-]{36})$/;
/** A measure's edit page: `/measures/<uuid>/edit`. */
export const MEASURE_EDIT_URL = /\/measures\/([0-9a-f-]{36})\/edit$/;

export async function loginThroughUi(page: Page, role: AccountRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(ACCOUNTS[role]);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

/**
 * Numbers in the UI follow `localStorage['prongsai.digits']` (Thai digits by default). Call before
 * the first navigation of the context so every page renders with the chosen digits.
 */
export async function setDigits(context: BrowserContext, digits: 'thai' | 'arabic' = 'arabic'): Promise<void> {
  await context.addInitScript((value) => window.localStorage.setItem('prongsai.digits', value), digits);
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh browser context (own cookies, so its own server-side session) signed in through the
 * login page as `role`, with Arabic digits. Close `context` when done.
 */
export async function newSession(browser: Browser, role: AccountRole, digits: 'thai' | 'arabic' = 'arabic'): Promise<Session> {
  const context = await browser.newContext();
  await setDigits(context, digits);
  const page = await context.newPage();
  await loginThroughUi(page, role);
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** The id in a URL matched by one of the patterns above. */
export function idFrom(page: Page, pattern: RegExp): string {
  const id = pattern.exec(new URL(page.url()).pathname)?.[1];
  if (!id) throw new Error(`no id in ${page.url()} (expected ${String(pattern)})`);
  return id;
}

/** GET a JSON API resource with the session of `request` (a context's or an anonymous one); asserts 200. */
export async function getJson<T = unknown>(request: APIRequestContext, path: string): Promise<T> {
  const response = await request.get(`${API}${path}`);
  expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
  return (await response.json()) as T;
}

/** Every message the e2e mail sink (a real SMTP server, mail-sink.ts) has received so far, oldest first. */
export async function receivedMail(): Promise<SinkMessage[]> {
  const response = await fetch(`http://127.0.0.1:${MAIL_PORT}/messages`);
  if (!response.ok) throw new Error(`mail sink: ${response.status}`);
  return (await response.json()) as SinkMessage[];
}

/**
 * The mail to `address` matching `match`, waited for (the API's worker polls every second): call
 * `mailbox(address)` before the action to remember what was there, then `.next(match)` after it to get
 * the first new matching message.
 */
export async function mailbox(address: string) {
  const seen = (await receivedMail()).length;
  return {
    async next(match: (message: SinkMessage) => boolean, what: string): Promise<SinkMessage> {
      let found: SinkMessage | undefined;
      await expect
        .poll(
          async () => {
            found = (await receivedMail()).slice(seen).find((m) => m.to.includes(address) && match(m));
            return found !== undefined;
          },
          { message: `an e-mail to ${address}: ${what}`, timeout: 20_000, intervals: [250, 500, 1000] },
        )
        .toBe(true);
      return found!;
    },
  };
}

export const test = base.extend<{ loginAs: (role: AccountRole) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      await loginThroughUi(page, role);
      await expect(page).not.toHaveURL(/\/login/);
    });
  },
});

export { expect };

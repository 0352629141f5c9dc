import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { AGENCIES, AGENCY_URL, API, CSRF_HEADERS, MEASURE_EDIT_URL, expect, getJson, idFrom, newSession, test } from './fixtures';

/**
 * The main public and editor journeys on a phone (390×844), a small phone (360×740) and a desktop
 * (1366×900): no page
 * scrolls sideways and no element is wider than the screen. The phone run writes the screenshots
 * the README shows (docs/screenshots/). Also: the national page's map links all 77 provinces and
 * passes axe. Relies on the demo seed's logins and Mukdahan's published reports, not on counts.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  'small phone': { width: 360, height: 740 },
  desktop: { width: 1366, height: 900 },
} as const;

/** What sticks out sideways: the page's own scroll width, and visible elements past the right edge. */
async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'กำลังโหลด' })).toHaveCount(0);
  const found = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const tooWide: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility === 'hidden' || style.position === 'fixed') continue;
      // Visually hidden text (1 px, clipped) is for screen readers only.
      if (box.width <= 1 && box.height <= 1) continue;
      if (box.width > width + 0.5 || box.right > width + 0.5 || box.left < -0.5) {
        const name = `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''}`;
        tooWide.push(`${name} (left ${Math.round(box.left)}, width ${Math.round(box.width)})`);
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, tooWide: tooWide.slice(0, 10) };
  });
  expect(found.tooWide, `${label}: elements wider than the ${found.width} px screen`).toEqual([]);
  expect(found.scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(found.width);
}

/** A screen-high picture of the page from the top of `from` (or from the top of the page). */
async function screenshot(page: Page, name: string, from?: Locator): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Fonts first, so the picture shows what a reader sees.
  await page.evaluate(() => document.fonts.ready);
  const top = from ? await from.evaluate((element) => Math.max(0, element.getBoundingClientRect().top + window.scrollY - 8)) : 0;
  const size = page.viewportSize()!;
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    clip: { x: 0, y: top, width: size.width, height: size.height },
  });
}

interface PlanRow {
  id: string;
  fiscalYear: number;
  status: string;
}

/**
 * A plan the editor may change: an existing draft or returned one, else a new draft (copied from the
 * newest plan) for the first allowed fiscal year the agency has none for. Seed changes do not matter.
 */
async function editablePlan(request: APIRequestContext, agencyId: string): Promise<PlanRow> {
  const { items } = await getJson<{ items: PlanRow[] }>(request, `/agencies/${agencyId}/plans`);
  const editable = items.find((plan) => plan.status === 'draft' || plan.status === 'returned');
  if (editable) return editable;
  const taken = new Set(items.map((plan) => plan.fiscalYear));
  const newest = Math.max(...items.map((plan) => plan.fiscalYear));
  // The server refuses years too far from today (400) and copies only from an earlier year: try after the
  // newest plan (copying it), then every free year before it, copying the closest earlier plan (other
  // journeys of the same run create plans of this agency too).
  const candidates = [1, 2, 3, ...Array.from({ length: 20 }, (_, index) => -(index + 1))]
    .map((step) => newest + step)
    .filter((year) => !taken.has(year));
  for (const year of candidates) {
    const earlier = [...taken].filter((other) => other < year);
    const response = await request.post(`${API}/agencies/${agencyId}/plans/${year}`, {
      headers: CSRF_HEADERS,
      data: earlier.length > 0 ? { copyFromFiscalYear: Math.max(...earlier) } : {},
    });
    if (response.status() !== 201 && response.status() !== 200) continue;
    const plan = (await response.json()) as PlanRow & { measures: unknown[] };
    // Nothing earlier to copy: the journey needs a measure to open.
    if (plan.measures.length === 0) {
      const added = await request.post(`${API}/plans/${plan.id}/measures`, {
        headers: CSRF_HEADERS,
        data: { title: 'มาตรการทดสอบบนโทรศัพท์', actions: ['ขั้นตอนที่หนึ่ง'] },
      });
      expect(added.status()).toBe(201);
    }
    return plan;
  }
  throw new Error('no fiscal year free for a new draft plan');
}

for (const [device, viewport] of Object.entries(VIEWPORTS)) {
  test.describe(`${device} (${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport });

    test('public journey: national map → province → agency → report, nothing wider than the screen', async ({ page }) => {
      await page.goto('/public');
      await expect(page.getByRole('figure', { name: /แผนที่จังหวัด/ })).toBeVisible();
      await expectNoHorizontalOverflow(page, 'national');
      if (device !== 'desktop') {
        // The header is two short rows, not a third of the screen.
        const header = await page.locator('header.app-header').boundingBox();
        expect(header?.height ?? 0).toBeLessThan(viewport.height / 6);
      }
      if (device === 'phone') {
        await screenshot(page, 'phone-national-top');
        await screenshot(page, 'phone-national', page.getByRole('heading', { name: 'แยกตามจังหวัด' }));
      }

      // From the map to Mukdahan's page.
      await page
        .getByRole('figure', { name: /แผนที่จังหวัด/ })
        .getByRole('link', { name: /^มุกดาหาร:/ })
        .click();
      await expect(page).toHaveURL(/\/public\/provinces\/49/);
      await expectNoHorizontalOverflow(page, 'province');

      await page.getByRole('link', { name: AGENCIES.bangSaiNoi }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toBeVisible();
      await expectNoHorizontalOverflow(page, 'agency');

      await page
        .getByRole('link', { name: /2566|๒๕๖๖/ })
        .first()
        .click();
      await expect(page).toHaveURL(/\/plans\/2566$/);
      // The breadcrumb goes through the province.
      await expect(page.getByRole('navigation', { name: 'ตำแหน่งของหน้านี้' }).getByRole('link', { name: 'จังหวัดมุกดาหาร' })).toBeVisible();
      await expectNoHorizontalOverflow(page, 'report');
    });

    test('editor journey: agency → plan → measure form, nothing wider than the screen', async ({ browser }) => {
      const { context, page } = await newSession(browser, 'editor', 'thai');
      await page.setViewportSize(viewport);
      await expect(page).toHaveURL(AGENCY_URL);
      const agencyId = idFrom(page, AGENCY_URL);
      await expectNoHorizontalOverflow(page, 'agency (editor)');

      const plan = await editablePlan(context.request, agencyId);
      await page.goto(`/agencies/${agencyId}/plans/${plan.fiscalYear}`);
      await expect(page.getByRole('heading', { level: 2, name: /มาตรการ/ }).first()).toBeVisible();
      await expectNoHorizontalOverflow(page, 'plan (editor)');
      if (device === 'phone') await screenshot(page, 'phone-plan');
      if (device === 'desktop') {
        // In English the plan's quality warnings are English sentences (quoted report text aside),
        // with CE years, and the measure number is said once.
        await page.getByRole('button', { name: 'English' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        const warnings = page.getByRole('region', { name: 'Quality notes on this plan' }).getByRole('listitem');
        for (const text of await warnings.allTextContents()) {
          const ownWords = text.replace(/“[^”]*”/g, '');
          expect(ownWords).toMatch(/^Measure \d+: [A-Z]/);
          expect(ownWords).not.toContain('มาตรการที่');
          expect(ownWords).not.toMatch(/25[5-7]\d/);
        }
        await page.getByRole('button', { name: 'ไทย' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'th');
      }

      await page.getByRole('link', { name: /^แก้ไข/ }).first().click();
      await expect(page).toHaveURL(MEASURE_EDIT_URL);
      await expect(page.getByRole('combobox').first()).toBeVisible();
      await expectNoHorizontalOverflow(page, 'measure form');
      if (device === 'phone') {
        await screenshot(page, 'phone-measure-form', page.getByText('ตัวชี้วัด ITA ที่อ้างอิง').first());
      }
      await context.close();
    });
  });
}

test('the national map links every one of the 77 provinces, works from the keyboard, and passes axe', async ({
  page,
  playwright,
  baseURL,
}) => {
  await page.goto('/public');
  const map = page.getByRole('figure', { name: /แผนที่จังหวัด/ });
  const links = map.getByRole('link', { name: /:/ });
  await expect(links).toHaveCount(77);
  const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
  const ids = new Set(hrefs.map((href) => /^\/public\/provinces\/(\d+)\?fy=\d{4}$/.exec(href)?.[1]));
  expect(ids.has(undefined)).toBe(false);
  expect(ids.size).toBe(77);

  // The same provinces as the API's summary, each named with its figures.
  const anonymous = await playwright.request.newContext({ baseURL });
  const summary = await getJson<{ byProvince: { provinceId: number; nameTh: string }[] }>(anonymous, '/public/summary');
  await anonymous.dispose();
  expect([...ids].map(Number).sort((a, b) => a - b)).toEqual(summary.byProvince.map((row) => row.provinceId).sort((a, b) => a - b));

  // Keyboard: the skip link jumps past the map; a tile takes focus and Enter opens the province.
  await map.getByRole('link', { name: 'ข้ามแผนที่ไปยังตารางจังหวัด' }).focus();
  await page.keyboard.press('Tab');
  await expect(links.first()).toBeFocused();
  const first = await links.first().getAttribute('href');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${first!.replace('?', '\\?')}$`));

  await page.goto('/public');
  await expect(links).toHaveCount(77);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
});

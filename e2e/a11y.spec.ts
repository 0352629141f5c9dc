import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { AGENCIES, AGENCY_URL, expect, getJson, idFrom, newSession, test } from './fixtures';

/**
 * axe-core (WCAG 2.0/2.1 A and AA rules) over the public dashboard, the sign-in page, the editor's
 * agency, plan and measure pages, and the reviewer's overview: no serious or critical violation.
 * Read-only: it opens pages and changes nothing.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  // Wait for the page's data, not just its shell.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'กำลังโหลด' })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  expect(serious, `${label}: ${JSON.stringify(serious, null, 2)}`).toEqual([]);
}

interface PublicProvince {
  agencies: { items: { id: string; nameTh: string }[] };
}

test('public pages have no serious or critical accessibility violations', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const province = await getJson<PublicProvince>(anonymous, `/public/provinces/49?pageSize=50`);
  await anonymous.dispose();
  const agencyId = province.agencies.items.find((item) => item.nameTh === AGENCIES.bangSaiNoi)?.id;
  expect(agencyId).toBeDefined();

  for (const [label, path] of [
    ['home', '/'],
    ['national', '/public'],
    ['province', '/public/provinces/49'],
    ['agency', `/public/agencies/${agencyId}`],
    ['report', `/public/agencies/${agencyId}/plans/2566`],
    ['login', '/login'],
  ] as const) {
    await test.step(label, async () => {
      await page.goto(path);
      await expectNoSeriousViolations(page, label);
    });
  }

  await test.step('national page in English, phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/public');
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expectNoSeriousViolations(page, 'national (en, phone)');
    await page.getByRole('button', { name: 'ไทย' }).click();
  });
});

test('editor pages have no serious or critical accessibility violations', async ({ browser }) => {
  const { context, page } = await newSession(browser, 'editor');
  try {
    await expect(page).toHaveURL(AGENCY_URL);
    const agencyId = idFrom(page, AGENCY_URL);
    await expectNoSeriousViolations(page, 'agency');

    await page.goto(`/agencies/${agencyId}/plans/2566`);
    await expect(page.getByRole('heading', { level: 2, name: /^มาตรการ \(/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'plan');

    const plan = await getJson<{ measures: { id: string }[] }>(page.request, `/agencies/${agencyId}/plans/2566`);
    await page.goto(`/measures/${plan.measures[0]!.id}/edit`);
    await expect(page.getByRole('heading', { level: 2, name: 'ประวัติการแก้ไข' })).toBeVisible();
    await expectNoSeriousViolations(page, 'measure edit');

    await page.goto(`/agencies/${agencyId}/import`);
    await expectNoSeriousViolations(page, 'import');
  } finally {
    await context.close();
  }
});

test('reviewer pages have no serious or critical accessibility violations', async ({ browser }) => {
  const { context, page } = await newSession(browser, 'reviewer');
  try {
    await page.goto('/review?fy=2566');
    await expect(page.getByRole('checkbox').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'overview');

    await page.goto('/review/indicators?fy=2566');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, 'indicators');

    await page.goto('/review/trends');
    await expect(page.getByRole('table').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'trends');

    await page.goto('/review?fy=2566');
    const boxes = page.getByRole('checkbox');
    await expect(boxes.first()).toBeVisible();
    for (const index of [0, 1, 2]) await boxes.nth(index).check();
    await page.getByRole('button', { name: /^เปรียบเทียบ/ }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, 'compare');
  } finally {
    await context.close();
  }
});

test('admin pages have no serious or critical accessibility violations', async ({ browser }) => {
  const { context, page } = await newSession(browser, 'admin');
  try {
    for (const [label, path] of [
      ['users', '/admin/users'],
      ['codebooks', '/admin/codebooks'],
      ['ITA scores', '/admin/ita-results'],
      ['audit', '/admin/audit'],
    ] as const) {
      await page.goto(path);
      await expectNoSeriousViolations(page, label);
    }
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'เพิ่มผู้ใช้งาน' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoSeriousViolations(page, 'create user dialog');
  } finally {
    await context.close();
  }
});

import type { APIRequestContext } from '@playwright/test';
import { API, CSRF_HEADERS, expect, getJson, newSession, test } from './fixtures';

/**
 * Issue 16 / ADR 021: a reviewer accepting a plan with serious warnings gives a reason for each, and
 * the plan's history shows it in words. The plan is made through the API by the national admin for
 * องค์การบริหารส่วนตำบลดงหลวง (no seeded plans, no demo editor) in an old fiscal year no other journey
 * uses: one measure names another agency, and was carried out outside the fiscal year.
 */

const DONG_LUANG = 'องค์การบริหารส่วนตำบลดงหลวง';
const AGENCY_REASON = 'อบต.บ้านซ่งเป็นภาคีที่ร่วมจัดกิจกรรมนี้จริง ตรวจสอบหนังสือเชิญแล้ว';
const DATE_REASON = 'จัดกิจกรรมล่วงหน้าตามมติสภา ก่อนเริ่มปีงบประมาณ';

async function agencyId(request: APIRequestContext, name: string): Promise<string> {
  const found = await getJson<{ items: { id: string; nameTh: string }[] }>(request, `/public/agencies?q=${encodeURIComponent(name)}`);
  const agency = found.items.find((item) => item.nameTh === name);
  if (!agency) throw new Error(`no agency ${name}`);
  return agency.id;
}

test('a reviewer accepts a plan with serious warnings only with a reason for each, and the history shows them', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await newSession(browser, 'admin');
  const reviewer = await newSession(browser, 'reviewer');
  try {
    const request = admin.context.request;
    const id = await agencyId(request, DONG_LUANG);
    const { items } = await getJson<{ items: { fiscalYear: number }[] }>(request, `/agencies/${id}/plans`);
    const fiscalYear = [2555, 2554, 2553, 2552, 2551].find((year) => !items.some((plan) => plan.fiscalYear === year))!;

    await test.step('the admin makes and submits a plan with two serious warnings', async () => {
      const created = await request.post(`${API}/agencies/${id}/plans/${fiscalYear}`, { headers: CSRF_HEADERS, data: {} });
      expect(created.status()).toBe(201);
      const plan = (await created.json()) as { id: string; version: number };
      const measure = await request.post(`${API}/plans/${plan.id}/measures`, {
        headers: CSRF_HEADERS,
        data: {
          title: 'จัดอบรมคุณธรรมและจริยธรรมให้บุคลากร',
          actions: ['จัดอบรมบุคลากรทุกส่วนงาน'],
          outcome: 'completed',
          resultText: 'จัดอบรมร่วมกับองค์การบริหารส่วนตำบลบ้านซ่ง มีผู้เข้าร่วม ๔๐ คน',
          summary: 'บุคลากรเข้าร่วมครบทุกส่วนงาน ตามคำสั่ง ที่ ๑๒/๒๕๕๕',
          carriedOut: { date: '2010-03-07', precision: 'day' },
        },
      });
      expect(measure.status(), await measure.text()).toBe(201);
      const current = await getJson<{ version: number }>(request, `/plans/${plan.id}`);
      const submitted = await request.post(`${API}/plans/${plan.id}/submit`, { headers: CSRF_HEADERS, data: { version: current.version } });
      expect(submitted.status(), await submitted.text()).toBe(200);
    });

    const page = reviewer.page;
    await test.step('accepting asks for a reason per warning, checks them, then accepts', async () => {
      await page.goto(`/agencies/${id}/plans/${fiscalYear}`);
      await page.getByRole('button', { name: 'อนุมัติแผน' }).click();
      const dialog = page.getByRole('dialog', { name: 'อนุมัติแผนที่มีคำเตือนร้ายแรง' });
      await expect(dialog).toContainText('กล่าวถึง “องค์การบริหารส่วนตำบลบ้านซ่ง”');
      const agencyReason = dialog.getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 1: ชื่อหน่วยงานอื่น)' });
      const dateReason = dialog.getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 1: วันที่นอกปีงบประมาณ)' });

      await dialog.getByRole('button', { name: 'รับทราบและอนุมัติแผน' }).click();
      await expect(agencyReason).toHaveAttribute('aria-invalid', 'true');
      await expect(agencyReason).toBeFocused();
      await page.keyboard.type(AGENCY_REASON);
      await page.keyboard.press('Tab');
      await expect(dateReason).toBeFocused();
      await page.keyboard.type(DATE_REASON);
      await dialog.getByRole('button', { name: 'รับทราบและอนุมัติแผน' }).press('Enter');

      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'อนุมัติแผนแล้ว' })).toBeVisible();
    });

    await test.step("the plan's history shows each acknowledgement in words, with who gave it", async () => {
      const history = page.getByRole('region', { name: 'ประวัติของแผน' });
      const acknowledged = history.locator('.acknowledged');
      await expect(acknowledged).toContainText('คำเตือนร้ายแรงที่รับทราบ');
      await expect(acknowledged).toContainText(`เหตุผล: ${AGENCY_REASON}`);
      await expect(acknowledged).toContainText(`เหตุผล: ${DATE_REASON}`);
      await expect(acknowledged).toContainText('มาตรการที่ 1 · วันที่นอกปีงบประมาณ');
      await expect(history).not.toContainText('OTHER_AGENCY_MENTION');
    });
  } finally {
    await admin.context.close();
    await reviewer.context.close();
  }
});

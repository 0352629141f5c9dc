import type { APIRequestContext } from '@playwright/test';
import { AGENCIES, API, CSRF_HEADERS, expect, getJson, newSession, test } from './fixtures';

/**
 * The copy detector (issue 18, ADR 014). The seeded บางทรายน้อย FY2566 plan is the sample report,
 * whose measure 2 was copied from บ้านซ่ง. บ้านซ่ง's editor enters the original wording in a plan of
 * FY2565 (an earlier year: บ้านซ่ง wrote first); then the province's reviewer sees "similar to" with
 * the side-by-side texts on บางทรายน้อย's plan and the pair among the copied reports, and
 * บางทรายน้อย's editor sees the quality warning naming บ้านซ่ง.
 */

interface PlanBody {
  id: string;
  measures: { sequence: number; title: string; resultText: string | null; summary: string | null }[];
}

async function agencyId(request: APIRequestContext, name: string): Promise<string> {
  const found = await getJson<{ items: { id: string; nameTh: string }[] }>(request, `/public/agencies?q=${encodeURIComponent(name)}`);
  const agency = found.items.find((item) => item.nameTh === name);
  if (!agency) throw new Error(`no agency ${name}`);
  return agency.id;
}

test('a copied result is shown to the reviewer side by side and warned to the copying editor', async ({ browser }) => {
  test.setTimeout(90_000);
  const source = await newSession(browser, 'otherEditor');
  const reviewer = await newSession(browser, 'reviewer');
  const editor = await newSession(browser, 'editor');
  try {
    const request = source.context.request;
    const bangSaiNoiId = await agencyId(request, AGENCIES.bangSaiNoi);
    const banShongId = await agencyId(request, AGENCIES.banShong);
    const sample = await getJson<PlanBody>(request, `/public/agencies/${bangSaiNoiId}/plans/2566`);
    const copied = sample.measures.find((measure) => measure.sequence === 2)!;

    await test.step('บ้านซ่ง enters the original wording in its FY2565 plan', async () => {
      const created = await request.post(`${API}/agencies/${banShongId}/plans/2565`, { headers: CSRF_HEADERS, data: {} });
      expect([201, 409]).toContain(created.status());
      const plan = await getJson<PlanBody>(request, `/agencies/${banShongId}/plans/2565`);
      const measure = await request.post(`${API}/plans/${plan.id}/measures`, {
        headers: CSRF_HEADERS,
        data: { title: copied.title, actions: [], outcome: 'in_progress', resultText: copied.resultText, summary: copied.summary },
      });
      expect(measure.status(), await measure.text()).toBe(201);
    });

    await test.step('the reviewer sees "similar to บ้านซ่ง" with both texts on บางทรายน้อย\'s plan', async () => {
      const { page } = reviewer;
      await page.goto(`/agencies/${bangSaiNoiId}/plans/2566`);
      const similar = page.getByRole('region', { name: 'มาตรการที่คล้ายกับของหน่วยงานอื่น' });
      await expect(similar).toContainText('ผลการดำเนินการซ้ำ');
      await expect(similar.getByRole('link', { name: AGENCIES.banShong }).first()).toBeVisible();
      await expect(similar).toContainText('ปีงบประมาณ 2565 มาตรการที่');
      await expect(similar).toContainText('หน่วยงานนั้นเขียนก่อน');
      await expect(similar).toContainText('ข้อความมีชื่อหรือเว็บไซต์ของหน่วยงานนั้น');
      await expect(similar).toContainText('ข้อความตรงกันทุกตัวอักษร');
      // Side by side: this plan's result and บ้านซ่ง's, the same words.
      await expect(similar.getByRole('figure').filter({ hasText: copied.resultText!.slice(0, 30) })).toHaveCount(2);
    });

    await test.step('the copied reports of the province list บ้านซ่ง and บางทรายน้อย together', async () => {
      const { page } = reviewer;
      await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ภาพรวมจังหวัด' }).click();
      await page.getByRole('navigation', { name: 'หน้าของผู้ตรวจสอบ' }).getByRole('link', { name: 'รายงานที่ซ้ำกัน' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('รายงานที่ซ้ำกันระหว่างหน่วยงาน');
      await page.getByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' }).selectOption('2566');
      const cluster = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: AGENCIES.banShong }) })
        .first();
      await expect(cluster).toContainText('2 หน่วยงาน');
    });

    await test.step("บางทรายน้อย's editor sees the quality warning naming บ้านซ่ง; the public page does not", async () => {
      const { page } = editor;
      await page.goto(`/agencies/${bangSaiNoiId}/plans/2566`);
      await expect(page.getByText(/ตรงกับมาตรการที่ \d+ ขององค์การบริหารส่วนตำบลบ้านซ่ง/).first()).toBeVisible();
      await expect(page.getByRole('region', { name: 'มาตรการที่คล้ายกับของหน่วยงานอื่น' })).toHaveCount(0);
      const publicPlan = await (await editor.context.request.get(`${API}/public/agencies/${bangSaiNoiId}/plans/2566`)).text();
      expect(publicPlan).not.toContain('COPIED_FROM_OTHER_AGENCY');
    });
  } finally {
    await Promise.all([source.context.close(), reviewer.context.close(), editor.context.close()]);
  }
});

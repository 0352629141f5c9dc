import type { Page } from '@playwright/test';
import { AGENCIES, expect, newSession, test } from './fixtures';

/**
 * The provincial reviewer of มุกดาหาร: filters the province overview, compares three agencies side
 * by side, looks at the indicator heatmap and the trends, exports, and returns a submitted plan
 * with a comment. The plan returned is องค์การบริหารส่วนตำบลชะโนด FY2567 (seeded "submitted"), which
 * no other spec changes; everything else here only reads.
 */

const FY = 2567;
const CHANOT = 'องค์การบริหารส่วนตำบลชะโนด';
const DONG_LUANG = 'องค์การบริหารส่วนตำบลดงหลวง';
const COMMENT = 'มาตรการที่ 2 ยังไม่มีหลักฐานการดำเนินการ กรุณาแนบลิงก์ประกาศ';
const RETURN_REASON = 'กรุณาแนบหลักฐานของมาตรการที่ 2 และระบุผู้รับผิดชอบ แล้วส่งใหม่';

const overviewRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });

test('reviewer filters the overview, compares three agencies and returns a submitted plan with a comment', async ({ browser }) => {
  test.setTimeout(90_000);
  const { context, page } = await newSession(browser, 'reviewer');
  try {
    await test.step('the overview filters by year, type and status, sorts, and exports with the filters', async () => {
      await expect(page).toHaveURL(/\/review\/waiting$/);
      await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ภาพรวมจังหวัด' }).click();
      await expect(page).toHaveURL(/\/review$/);
      await page.getByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' }).selectOption(String(FY));
      await page.getByRole('combobox', { name: 'ประเภทหน่วยงาน' }).selectOption({ label: 'องค์การบริหารส่วนตำบล' });
      await expect(page).toHaveURL(/[?&]type=sao/);
      await expect(overviewRow(page, DONG_LUANG)).toContainText('ยังไม่มีแผน');
      await expect(page.getByRole('row').filter({ hasText: 'องค์การบริหารส่วนจังหวัดมุกดาหาร' })).toHaveCount(0);

      // The status counts filter too: only the submitted plans.
      const counts = page.getByRole('group', { name: 'จำนวนหน่วยงานตามสถานะแผน (กดเพื่อกรอง)' });
      await counts.getByRole('button', { name: /^ส่งให้จังหวัดตรวจสอบแล้ว/ }).click();
      await expect(page).toHaveURL(/[?&]status=submitted/);
      await expect(overviewRow(page, CHANOT)).toContainText('ส่งให้จังหวัดตรวจสอบแล้ว');
      await expect(overviewRow(page, DONG_LUANG)).toHaveCount(0);
      await counts.getByRole('button', { name: /^ส่งให้จังหวัดตรวจสอบแล้ว/ }).click();
      await expect(page).not.toHaveURL(/status=/);

      // Sorting is announced on the column header.
      await page.getByRole('button', { name: 'มาตรการ', exact: true }).click();
      await expect(page.getByRole('columnheader', { name: 'มาตรการ', exact: true })).toHaveAttribute('aria-sort', 'descending');
      await expect(page).toHaveURL(/sort=measures&order=desc/);

      const csv = page.getByRole('link', { name: 'ดาวน์โหลด CSV' });
      await expect(csv).toHaveAttribute(
        'href',
        /\/api\/v1\/review\/provinces\/49\/overview\.csv\?fiscalYear=2567&type=sao&sort=measures&order=desc$/,
      );
      const response = await page.request.get((await csv.getAttribute('href'))!);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/csv');
      expect(await response.text()).toContain(CHANOT);
    });

    await test.step('three agencies side by side across fiscal years', async () => {
      for (const name of [AGENCIES.bangSaiNoi, AGENCIES.banShong, CHANOT]) {
        await page.getByRole('checkbox', { name: `เลือก ${name} เพื่อเปรียบเทียบ` }).check();
      }
      await page.getByRole('button', { name: /^เปรียบเทียบ/ }).click();
      await expect(page).toHaveURL(/\/review\/compare\?agencyIds=[0-9a-f-]{36}(%2C|,)[0-9a-f-]{36}(%2C|,)[0-9a-f-]{36}$/);
      await expect(page.getByRole('heading', { level: 1, name: 'เปรียบเทียบหน่วยงาน' })).toBeVisible();
      const table = page.getByRole('table', { name: 'เปรียบเทียบ 3 หน่วยงาน แยกตามปีงบประมาณ' });
      for (const name of [AGENCIES.bangSaiNoi, AGENCIES.banShong, CHANOT]) {
        await expect(table.getByRole('columnheader', { name })).toBeVisible();
      }
      await expect(table.getByText('ปีงบประมาณ พ.ศ. 2566', { exact: true })).toBeVisible();
      await expect(table.getByRole('rowheader', { name: 'คะแนน ITA' }).first()).toBeVisible();
      await expect(table).toContainText('91.2'); // bangsainoi's FY2566 score from the seed
    });

    await test.step('the indicator heatmap and the trends read as tables', async () => {
      await page.goto(`/review/indicators?fy=2566`);
      const heatmap = page.getByRole('table', { name: 'จำนวนมาตรการที่อ้างอิงตัวชี้วัดแต่ละข้อ ปีงบประมาณ 2566' });
      await expect(heatmap.getByRole('columnheader', { name: 'O11' })).toBeVisible();
      await expect(heatmap.getByRole('rowheader', { name: AGENCIES.bangSaiNoi })).toBeVisible();
      await page.getByRole('navigation', { name: 'หน้าของผู้ตรวจสอบ' }).getByRole('link', { name: 'แนวโน้มรายปี' }).click();
      await expect(page.getByRole('table', { name: 'การเปลี่ยนแปลงของคะแนน ITA ปีถัดไป จำแนกตามการดำเนินมาตรการ' })).toBeVisible();
      await expect(page.getByRole('rowheader', { name: 'แล้วเสร็จทุกมาตรการ' })).toBeVisible();
    });

    await test.step('from the overview to the plan: comment, then return it', async () => {
      await page.goto(`/review?fy=${FY}`);
      await page.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' }).fill('ชะโนด');
      await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
      await expect(page.getByText('พบ 1 หน่วยงาน')).toBeVisible();
      await overviewRow(page, CHANOT).getByRole('link', { name: CHANOT, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/agencies/[0-9a-f-]{36}/plans/${FY}$`));
      await expect(page.getByText('ส่งให้จังหวัดตรวจสอบแล้ว', { exact: true }).first()).toBeVisible();

      await page.getByRole('button', { name: 'แสดงความเห็นต่อแผน' }).click();
      let dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'ความเห็น' }).fill(COMMENT);
      await dialog.getByRole('button', { name: 'ส่งความเห็น' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('region', { name: 'ความเห็นจากผู้ตรวจสอบ' })).toContainText(COMMENT);

      await page.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }).click();
      dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'เหตุผล' }).fill(RETURN_REASON);
      await dialog.getByRole('button', { name: 'ยืนยันส่งกลับ' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByRole('status').filter({ hasText: 'ส่งแผนกลับให้แก้ไขแล้ว' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'ความเห็นจากผู้ตรวจสอบ' })).toContainText(RETURN_REASON);
      await expect(page.getByRole('button', { name: 'อนุมัติแผน' })).toHaveCount(0);
    });

    await test.step('the overview shows the plan as returned', async () => {
      await page.goto(`/review?fy=${FY}&q=${encodeURIComponent('ชะโนด')}`);
      await expect(overviewRow(page, CHANOT)).toContainText('ส่งกลับให้แก้ไข');
    });
  } finally {
    await context.close();
  }
});

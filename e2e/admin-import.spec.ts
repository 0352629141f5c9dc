import { AGENCIES, AGENCY_URL, API, expect, idFrom, newSession, test } from './fixtures';

/**
 * Two administrative journeys. The national admin creates a user. The editor of องค์การบริหารส่วน
 * ตำบลบ้านซ่ง imports a small pasted report (two measures) into FY2569 through the preview.
 *
 * Shared database: conflict.spec.ts works in บ้านซ่ง's FY2568 plan, so the import uses FY2569.
 */

const REPORT = [
  'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙',
  'ลำดับที่\tมาตรการ / โครงการ / กิจกรรม\tไม่สามารถดำเนินการได้\tดำเนินการแล้วเสร็จ\tสรุปผลการดำเนินการ\tระยะเวลาในการดำเนินการ',
  '๑\t๑. เผยแพร่แผนการดำเนินงานประจำปีบนเว็บไซต์ (อ้างอิงจาก ๐๑๑) ๒. ประชุมชี้แจงบุคลากร\t\tเผยแพร่แผนบนเว็บไซต์แล้ว\tทุกกองรับทราบแผน\tดำเนินการเมื่อ มีนาคม ๒๕๖๙',
  '๒\t๑. ทบทวนคู่มือการรับเรื่องร้องเรียนการทุจริต\t\t\t\t',
  '',
].join('\n');
const FIRST_TITLE = 'เผยแพร่แผนการดำเนินงานประจำปีบนเว็บไซต์';
const SECOND_TITLE = 'ทบทวนคู่มือการรับเรื่องร้องเรียนการทุจริต';

test('the national admin creates a provincial reviewer account', async ({ browser }) => {
  const { context, page } = await newSession(browser, 'admin');
  const email = `e2e-reviewer-${Date.now()}@amnatcharoen.example`;
  try {
    await expect(page).toHaveURL(/\/admin\/users$/);
    await page.getByRole('button', { name: 'เพิ่มผู้ใช้งาน' }).click();
    const dialog = page.getByRole('dialog', { name: 'เพิ่มผู้ใช้งาน' });
    // The shared schema checks the form before anything is sent.
    await dialog.getByRole('button', { name: 'สร้างบัญชี' }).click();
    await expect(dialog.getByText('อีเมลไม่ถูกต้อง')).toBeVisible();
    await expect(dialog.getByText('กรุณาเลือกบทบาท')).toBeVisible();

    await dialog.getByRole('textbox', { name: 'อีเมล' }).fill(email);
    await dialog.getByRole('textbox', { name: 'ชื่อ' }).fill('ผู้ตรวจสอบทดสอบ จังหวัดอำนาจเจริญ');
    await dialog.getByLabel('รหัสผ่านเริ่มต้น').fill('Prongsai-E2E-Reviewer-1');
    await dialog.getByRole('combobox', { name: 'บทบาท' }).selectOption({ label: 'ผู้ตรวจสอบระดับจังหวัด' });
    await dialog.getByRole('combobox', { name: 'จังหวัด' }).selectOption({ label: 'อำนาจเจริญ' });
    await dialog.getByRole('button', { name: 'สร้างบัญชี' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `(${email}) แล้ว` })).toBeVisible();

    await page.getByRole('searchbox', { name: 'ค้นหาชื่อ อีเมล หรือหน่วยงาน' }).fill(email);
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: email });
    await expect(row).toContainText('ผู้ตรวจสอบระดับจังหวัด');
    await expect(row).toContainText('ใช้งาน');

    // The new account can sign in (its own context): it lands on "waiting for me", then its province overview.
    const created = await browser.newContext();
    try {
      const other = await created.newPage();
      await other.goto('/login');
      await other.getByLabel('อีเมล').fill(email);
      await other.getByLabel('รหัสผ่าน').fill('Prongsai-E2E-Reviewer-1');
      await other.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
      await expect(other).toHaveURL(/\/review\/waiting$/);
      await other.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ภาพรวมจังหวัด' }).click();
      await expect(other.getByRole('heading', { level: 1 })).toContainText('อำนาจเจริญ');
    } finally {
      await created.close();
    }
  } finally {
    await context.close();
  }
});

test('the editor imports a pasted report into FY2569 through the preview', async ({ browser }) => {
  const { context, page } = await newSession(browser, 'otherEditor');
  try {
    await expect(page).toHaveURL(AGENCY_URL);
    await expect(page.getByRole('heading', { level: 1, name: AGENCIES.banShong })).toBeVisible();
    const agencyId = idFrom(page, AGENCY_URL);
    // Measures the FY2569 plan already has (none on a fresh database; a retry may find some).
    const existing = await page.request.get(`${API}/agencies/${agencyId}/plans/2569`);
    const before = existing.status() === 200 ? ((await existing.json()) as { measures: unknown[] }).measures.length : 0;

    await page.getByRole('link', { name: 'นำเข้าจากไฟล์รายงาน' }).click();
    await expect(page).toHaveURL(`/agencies/${agencyId}/import`);
    await expect(page.getByRole('heading', { level: 1, name: 'นำเข้ารายงาน' })).toBeVisible();
    await page.getByRole('radio', { name: 'วางข้อความ' }).check();
    await page.getByRole('textbox', { name: 'ข้อความรายงาน' }).fill(REPORT);
    await page.getByRole('button', { name: 'อ่านรายงาน' }).click();

    await test.step('the preview shows what was understood, with its quality warnings, and writes nothing', async () => {
      await expect(page.getByRole('heading', { level: 2, name: 'สิ่งที่อ่านได้ (2 มาตรการ)' })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'บันทึกลงแผนปีงบประมาณ' })).toHaveValue('2569');
      const table = page.getByRole('table', { name: 'มาตรการที่อ่านได้จากรายงาน แก้ไขได้ก่อนบันทึก' });
      await expect(table.getByRole('row')).toHaveCount(3);
      await expect(table.getByRole('textbox', { name: 'ชื่อมาตรการ แถวที่ 1' })).toHaveValue(/^เผยแพร่แผนการดำเนินงานประจำปีบนเว็บไซต์/);
      await expect(table.getByRole('combobox', { name: 'ผลลัพธ์ แถวที่ 1' })).toHaveValue('completed');
      await expect(table.getByRole('group', { name: 'วันที่ดำเนินการ แถวที่ 1' }).getByRole('radio', { name: 'ทราบแค่เดือน' })).toBeChecked();
      // The warning in words (its code stays in the API).
      await expect(table.getByText('ไม่มีหลักฐาน', { exact: true })).toBeVisible();
      await expect(table.getByRole('list', { name: 'ตัวชี้วัด ITA ที่อ้างอิง' })).toContainText('O11');
      const unchanged = await page.request.get(`${API}/agencies/${agencyId}/plans/2569`);
      expect(unchanged.status()).toBe(existing.status());
    });

    await test.step('the editor tidies a title, then saves into the plan', async () => {
      await page.getByRole('textbox', { name: 'ชื่อมาตรการ แถวที่ 1' }).fill(FIRST_TITLE);
      await page.getByRole('button', { name: 'บันทึกลงแผน' }).click();
      await expect(page).toHaveURL(`/agencies/${agencyId}/plans/2569`);
      await expect(page.getByRole('status').filter({ hasText: 'นำเข้า 2 มาตรการลงแผนปีงบประมาณ 2569 แล้ว' })).toBeVisible();
    });

    await test.step('the plan has the two measures, in a draft the editor can still change', async () => {
      await expect(page.getByRole('heading', { level: 2, name: `มาตรการ (${before + 2})` })).toBeVisible();
      const rows = page.getByRole('table', { name: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ 2569' }).getByRole('row');
      await expect(rows.filter({ hasText: FIRST_TITLE })).toContainText('ดำเนินการเมื่อ มีนาคม 2569');
      await expect(rows.filter({ hasText: SECOND_TITLE })).toHaveCount(1);
      await expect(page.getByText('ฉบับร่าง', { exact: true })).toBeVisible();
      await expect(page.getByRole('button', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' })).toBeVisible();
      // The official report and the data of this plan.
      await expect(page.getByRole('link', { name: 'ไฟล์ Word (.docx)' })).toHaveAttribute(
        'href',
        /\/api\/v1\/plans\/[0-9a-f-]{36}\/report\.docx$/,
      );
      await expect(page.getByRole('link', { name: 'มาตรการ (CSV)' })).toHaveAttribute(
        'href',
        `/api/v1/exports/measures.csv?agencyId=${agencyId}&fiscalYear=2569`,
      );
    });
  } finally {
    await context.close();
  }
});

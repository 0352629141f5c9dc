import type { Page } from '@playwright/test';
import {
  ACCOUNTS,
  AGENCIES,
  AGENCY_URL,
  API,
  MEASURE_EDIT_URL,
  expect,
  getJson,
  idFrom,
  mailbox,
  newSession,
  setDigits,
  test,
} from './fixtures';

/**
 * The agency workflow end to end, as the "done when" describes it: the editor of
 * องค์การบริหารส่วนตำบลบางทรายน้อย (seeded with FY2565 and FY2566 published, no FY2567) starts FY2567
 * from FY2566, edits a measure, records progress and submits; the provincial reviewer returns it
 * with a comment; the editor fixes and resubmits; the reviewer accepts; the editor publishes; an
 * anonymous reader gets it from the public API and the public report page. Along the way the e-mails
 * (through the run's real SMTP server, mail-sink.ts) reach the reviewer on submit and the editor on
 * return, and the editor's bell shows the return. One test (with steps):
 * every step depends on the one before. Arabic digits throughout, so numbers match as typed.
 */

const FY = 2567;
const SOURCE_FY = 2566;
/** ทราบแค่เดือน: มีนาคม 2567 (March 2024 CE, inside FY2567). */
const CARRIED_OUT = { month: 'มีนาคม', yearBe: '2567', text: 'มีนาคม 2567', iso: '2024-03-01' };
const INDICATOR = { code: 'O13', option: 'O13 — รายงานผลการดำเนินงานประจำปี', codebookYear: 2566 };
const EVIDENCE = { url: 'https://bangsainoi.example.go.th/ita/2567/annual-report', label: 'รายงานผลการดำเนินงานประจำปี 2567' };
const PROGRESS_NOTE = 'ประชุมคณะทำงานจัดทำแผนการใช้จ่ายงบประมาณร่วมกับบุคลากรทุกกองแล้ว';
const RETURN_REASON = 'มาตรการที่ 1 ยังไม่ระบุผู้รับผิดชอบ กรุณาระบุแล้วส่งใหม่';
const RESPONSIBLE = 'สำนักปลัด อบต.บางทรายน้อย';
const INTRO = 'องค์การบริหารส่วนตำบลบางทรายน้อยจัดทำมาตรการฉบับนี้จากผลการประเมิน ITA ปีงบประมาณ 2566 เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

interface PublicPlan {
  fiscalYear: number;
  status: string;
  agencyNameTh: string;
  introText: string | null;
  comments: unknown[];
  measures: {
    id: string;
    title: string;
    responsible: string | null;
    outcome: string;
    carriedOut: { date: string; precision: 'day' | 'month' } | null;
    indicators: { fiscalYear: number; code: string }[];
    evidence: { url: string; label: string }[];
  }[];
}

/** The status line of the plan page after a lifecycle step (there are other status regions). */
const planNotice = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

test('editor plans FY2567 from FY2566, reviewer returns then accepts, editor publishes, the public reads it', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const editor = await newSession(browser, 'editor');
  const reviewer = await newSession(browser, 'reviewer');
  const anonymous = await playwright.request.newContext({ baseURL });
  const e = editor.page;
  const r = reviewer.page;
  let agencyId = '';
  let measureId = '';
  let measureTitle = '';
  let planPath = '';
  let editorMail: Awaited<ReturnType<typeof mailbox>> | undefined;

  try {
    await test.step('editor creates the FY2567 plan from FY2566', async () => {
      await expect(e).toHaveURL(AGENCY_URL);
      agencyId = idFrom(e, AGENCY_URL);
      await expect(e.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toBeVisible();
      // The seed's precondition: FY2565 and FY2566 exist, FY2567 does not.
      await expect(e.getByRole('link', { name: `ปีงบประมาณ พ.ศ. ${SOURCE_FY}` })).toBeVisible();
      await expect(e.getByRole('link', { name: `ปีงบประมาณ พ.ศ. ${FY}` })).toHaveCount(0);
      const sourcePlan = await getJson<{ measures: { title: string }[] }>(e.request, `/agencies/${agencyId}/plans/${SOURCE_FY}`);

      await e.getByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' }).selectOption(String(FY));
      const copy = e.getByRole('checkbox', { name: `เริ่มจากแผนปีงบประมาณ ${SOURCE_FY}` });
      await expect(copy).toBeChecked();
      await e.getByRole('button', { name: `สร้างแผนปีงบประมาณ ${FY}` }).click();

      await expect(e).toHaveURL(new RegExp(`/agencies/${agencyId}/plans/${FY}$`));
      planPath = new URL(e.url()).pathname;
      await expect(e.getByRole('heading', { level: 1 })).toContainText(`ประจำปีงบประมาณ พ.ศ. ${FY}`);
      await expect(e.getByText('ฉบับร่าง', { exact: true })).toBeVisible();
      // Every FY2566 measure was carried over, in order.
      await expect(e.getByRole('heading', { level: 2, name: `มาตรการ (${sourcePlan.measures.length})` })).toBeVisible();
      const firstRow = e.getByRole('row').filter({ has: e.getByRole('link', { name: 'แก้ไข มาตรการที่ 1', exact: true }) });
      measureTitle = sourcePlan.measures[0]!.title;
      await expect(firstRow).toContainText(measureTitle);
    });

    await test.step('editor writes the plan introduction', async () => {
      // A new plan starts without one (copying a plan does not copy its introduction).
      await expect(e.getByText(/^ยังไม่มีคำนำ/)).toBeVisible();
      await e.getByRole('button', { name: 'แก้ไขคำนำ' }).click();
      const intro = e.getByRole('textbox', { name: 'คำนำ' });
      await expect(intro).toBeFocused();
      await intro.fill(INTRO);
      await e.getByRole('button', { name: 'บันทึก', exact: true }).click();
      await expect(planNotice(e, 'บันทึกคำนำแล้ว')).toBeVisible();
      await expect(e.getByText(INTRO)).toBeVisible();
      await expect(e.getByRole('button', { name: 'แก้ไขคำนำ' })).toBeFocused();
    });

    await test.step('editor edits measure 1: month-only date, codebook indicator, evidence link', async () => {
      await e.getByRole('link', { name: 'แก้ไข มาตรการที่ 1', exact: true }).click();
      await expect(e).toHaveURL(MEASURE_EDIT_URL);
      measureId = idFrom(e, MEASURE_EDIT_URL);
      await expect(e.getByRole('heading', { level: 1, name: 'แก้ไขมาตรการที่ 1' })).toBeVisible();

      await e.getByRole('radio', { name: 'ดำเนินการแล้วเสร็จ' }).check();

      await e.getByRole('radio', { name: 'ทราบแค่เดือน' }).check();
      await e.getByRole('combobox', { name: 'เดือน', exact: true }).selectOption({ label: CARRIED_OUT.month });
      await e.getByRole('combobox', { name: 'ปี (พ.ศ.)' }).selectOption({ label: CARRIED_OUT.yearBe });
      await expect(e.getByText(`จะบันทึกเป็น: ${CARRIED_OUT.text}`)).toBeVisible();

      await e.getByRole('combobox', { name: 'เลือกตัวชี้วัด' }).selectOption({ label: INDICATOR.option });
      await e.getByRole('button', { name: 'เพิ่มตัวชี้วัด' }).click();
      await expect(e.getByRole('button', { name: `ลบตัวชี้วัด ${INDICATOR.code}` })).toBeVisible();

      await e.getByRole('button', { name: 'เพิ่มลิงก์หลักฐาน' }).click();
      await e.getByRole('textbox', { name: 'ลิงก์หลักฐานที่ 1' }).fill(EVIDENCE.url);
      await e.getByRole('textbox', { name: 'คำอธิบายหลักฐานที่ 1' }).fill(EVIDENCE.label);

      await e.getByRole('button', { name: 'บันทึก', exact: true }).click();
      await expect(e.getByRole('status').filter({ hasText: /^บันทึกแล้ว$/ })).toBeVisible();
    });

    await test.step('the measure history shows the edit, field by field', async () => {
      const history = e.locator('section').filter({ has: e.getByRole('heading', { level: 2, name: 'ประวัติการแก้ไข' }) });
      const edit = history.getByRole('listitem').filter({ hasText: 'แก้ไข' }).first();
      await expect(edit).toContainText('เจ้าหน้าที่ อบต.บางทรายน้อย');
      const row = (field: string) => edit.getByRole('row').filter({ has: e.getByRole('rowheader', { name: field, exact: true }) });
      await expect(row('วันที่ดำเนินการ')).toContainText(CARRIED_OUT.text);
      await expect(row('ตัวชี้วัด ITA ที่อ้างอิง')).toContainText(`${INDICATOR.code} (คู่มือปี ${INDICATOR.codebookYear})`);
      await expect(row('หลักฐาน')).toContainText(EVIDENCE.url);
      await expect(row('ผลลัพธ์')).toContainText('ดำเนินการแล้วเสร็จ');
    });

    await test.step('editor records a progress note on the timeline', async () => {
      const timeline = e.locator('section').filter({ has: e.getByRole('heading', { level: 2, name: 'ความคืบหน้า' }) });
      await timeline.getByRole('textbox', { name: 'รายละเอียด' }).fill(PROGRESS_NOTE);
      await timeline.getByRole('button', { name: 'เพิ่มความคืบหน้า' }).click();
      await expect(timeline.getByRole('status').filter({ hasText: 'บันทึกความคืบหน้าแล้ว' })).toBeVisible();
      await expect(timeline.getByRole('listitem').filter({ hasText: PROGRESS_NOTE })).toContainText('เจ้าหน้าที่ อบต.บางทรายน้อย');
      // The outcome change made in the form is on the timeline too.
      await expect(timeline.getByText('เปลี่ยนผลลัพธ์จาก “ตามแผน (ยังไม่เริ่ม)” เป็น “ดำเนินการแล้วเสร็จ”')).toBeVisible();
    });

    await test.step('the plan page shows the month-only date without a day', async () => {
      await e
        .getByRole('navigation', { name: 'ตำแหน่งของหน้านี้' })
        .getByRole('link', { name: `ปีงบประมาณ พ.ศ. ${FY}` })
        .click();
      await expect(e).toHaveURL(new RegExp(`${planPath}$`));
      const row = e.getByRole('row').filter({ has: e.getByRole('link', { name: 'แก้ไข มาตรการที่ 1', exact: true }) });
      await expect(row).toContainText(`ดำเนินการเมื่อ ${CARRIED_OUT.text}`);
      await expect(row).not.toContainText('ดำเนินการเมื่อวันที่');
      await expect(row.getByRole('link', { name: EVIDENCE.label })).toHaveAttribute('href', EVIDENCE.url);
      await expect(row.getByRole('list', { name: 'ตัวชี้วัด ITA ที่อ้างอิง' })).toContainText(INDICATOR.code);
    });

    await test.step('editor submits the plan; the reviewer gets an e-mail with a link to it', async () => {
      const reviewerMail = await mailbox(ACCOUNTS.reviewer);
      await e.getByRole('button', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' }).click();
      // The confirmation shows the plan's open quality warnings (or says there are none).
      const confirm = e.getByRole('dialog', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' });
      await expect(confirm).toContainText(/คำเตือนคุณภาพ/);
      await confirm.getByRole('button', { name: 'ส่งแผน', exact: true }).click();
      await expect(confirm).toBeHidden();
      await expect(planNotice(e, 'ส่งแผนให้จังหวัดตรวจสอบแล้ว')).toBeVisible();
      await expect(e.getByText('แผนอยู่ในสถานะ “ส่งให้จังหวัดตรวจสอบแล้ว” จึงแก้ไขมาตรการไม่ได้')).toBeVisible();
      await expect(e.getByRole('link', { name: 'แก้ไข มาตรการที่ 1', exact: true })).toHaveCount(0);

      const mail = await reviewerMail.next(
        (m) => m.subject.includes(`แผนปีงบประมาณ ${FY} ของ${AGENCIES.bangSaiNoi} รอการตรวจสอบ`),
        'plan submitted',
      );
      expect(mail.text).toContain('เรียน คุณผู้ตรวจสอบ จังหวัดมุกดาหาร');
      expect(mail.text).toContain(`${baseURL}${planPath}`);
      expect(mail.html).toContain(`href="${baseURL}${planPath}"`);
      expect(mail.messageId).toMatch(/^<notification\.[0-9a-f-]{36}@localhost>$/);
      expect(mail.copies).toBe(1);
    });

    await test.step('reviewer sees the plan in "waiting for me", then finds it in the province overview and returns it with a comment', async () => {
      await expect(r).toHaveURL(/\/review\/waiting$/);
      await r.reload();
      await expect(r.getByRole('row').filter({ hasText: AGENCIES.bangSaiNoi })).toContainText(String(FY));
      await r.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ภาพรวมจังหวัด' }).click();
      await expect(r).toHaveURL(/\/review$/);
      await r.getByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' }).selectOption(String(FY));
      await r.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' }).fill('บางทรายน้อย');
      await r.getByRole('button', { name: 'ค้นหา', exact: true }).click();
      const agencyRow = r.getByRole('row').filter({ has: r.getByRole('link', { name: AGENCIES.bangSaiNoi }) });
      await expect(agencyRow).toContainText('ส่งให้จังหวัดตรวจสอบแล้ว');
      await agencyRow.getByRole('link', { name: AGENCIES.bangSaiNoi }).click();
      await expect(r).toHaveURL(new RegExp(`${planPath}$`));
      // The reviewer sees the editor's edit.
      const row = r.getByRole('row').filter({ hasText: `ดำเนินการเมื่อ ${CARRIED_OUT.text}` });
      await expect(row.getByRole('link', { name: EVIDENCE.label })).toBeVisible();

      editorMail = await mailbox(ACCOUNTS.editor);
      await r.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }).click();
      const dialog = r.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'เหตุผล' }).fill(RETURN_REASON);
      await dialog.getByRole('button', { name: 'ยืนยันส่งกลับ' }).click();
      await expect(dialog).toBeHidden();
      await expect(planNotice(r, 'ส่งแผนกลับให้แก้ไขแล้ว')).toBeVisible();
      await expect(r.getByRole('button', { name: 'อนุมัติแผน' })).toHaveCount(0);
    });

    await test.step('the editor gets the return by e-mail, with the reason and a link, and in the bell', async () => {
      const mail = await editorMail!.next((m) => m.subject.includes(`แผนปีงบประมาณ ${FY} ถูกส่งกลับให้แก้ไข`), 'plan returned');
      expect(mail.text).toContain('เรียน คุณเจ้าหน้าที่ อบต.บางทรายน้อย');
      expect(mail.text).toContain(`ความเห็น: ${RETURN_REASON}`);
      const link = /เปิดดูแผน: (\S+)/.exec(mail.text)?.[1];
      expect(link).toBe(`${baseURL}${planPath}`);

      await e.reload();
      const bell = e.getByRole('button', { name: /^การแจ้งเตือน ยังไม่ได้อ่าน \d+ รายการ$/ });
      await bell.click();
      const panel = e.getByRole('region', { name: 'การแจ้งเตือน' });
      const item = panel
        .getByRole('listitem')
        .filter({ hasText: `แผนปีงบประมาณ ${FY} ถูกส่งกลับให้แก้ไข` })
        .first();
      await expect(item).toContainText(RETURN_REASON);
      await expect(item).toContainText('ผู้ตรวจสอบ จังหวัดมุกดาหาร');
      // The e-mail's link opens the plan in the app.
      await e.goto(link!);
      await expect(e).toHaveURL(new RegExp(`${planPath}$`));
    });

    await test.step('editor sees the comment, fixes the measure and resubmits', async () => {
      await e.reload();
      const comments = e.getByRole('region', { name: 'ความเห็นจากผู้ตรวจสอบ' });
      await expect(comments).toContainText(RETURN_REASON);
      await expect(comments).toContainText('ผู้ตรวจสอบ จังหวัดมุกดาหาร');
      await expect(e.getByText('ส่งกลับให้แก้ไข', { exact: true }).first()).toBeVisible();

      await e.getByRole('link', { name: 'แก้ไข มาตรการที่ 1', exact: true }).click();
      await expect(e).toHaveURL(new RegExp(`/measures/${measureId}/edit$`));
      const responsible = e.getByRole('textbox', { name: 'ผู้รับผิดชอบ' });
      // The edit made before submitting is still there.
      await expect(e.getByRole('combobox', { name: 'เดือน', exact: true })).toHaveValue('3');
      await responsible.fill(RESPONSIBLE);
      await e.getByRole('button', { name: 'บันทึก', exact: true }).click();
      await expect(e.getByRole('status').filter({ hasText: /^บันทึกแล้ว$/ })).toBeVisible();

      await e
        .getByRole('navigation', { name: 'ตำแหน่งของหน้านี้' })
        .getByRole('link', { name: `ปีงบประมาณ พ.ศ. ${FY}` })
        .click();
      await expect(e).toHaveURL(new RegExp(`${planPath}$`));
      await expect(e.getByRole('row').filter({ hasText: RESPONSIBLE })).toHaveCount(1);
      await e.getByRole('button', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' }).click();
      await e.getByRole('dialog', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' }).getByRole('button', { name: 'ส่งแผน', exact: true }).click();
      await expect(planNotice(e, 'ส่งแผนให้จังหวัดตรวจสอบแล้ว')).toBeVisible();
    });

    await test.step('reviewer sees the fix and accepts; the editor is told by e-mail', async () => {
      const acceptedMail = await mailbox(ACCOUNTS.editor);
      await r.reload();
      await expect(r.getByRole('row').filter({ hasText: RESPONSIBLE })).toHaveCount(1);
      await r.getByRole('button', { name: 'อนุมัติแผน' }).click();
      // The evidence link is not on the agency's registered website: a serious warning (ADR 021), which
      // the reviewer acknowledges with a reason; the editor's publish then relies on it.
      const acknowledge = r.getByRole('dialog', { name: 'อนุมัติแผนที่มีคำเตือนร้ายแรง' });
      await acknowledge
        .getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 1: เว็บไซต์อื่น)' })
        .fill('ลิงก์หลักฐานเป็นเว็บไซต์ย่อยของ อบต.บางทรายน้อย เอง ตรวจสอบแล้ว');
      await acknowledge.getByRole('button', { name: 'รับทราบและอนุมัติแผน' }).click();
      await expect(acknowledge).toBeHidden();
      await expect(planNotice(r, 'อนุมัติแผนแล้ว')).toBeVisible();
      await acceptedMail.next((m) => m.subject.includes(`แผนปีงบประมาณ ${FY} ได้รับการอนุมัติแล้ว`), 'plan accepted');
    });

    await test.step('editor publishes', async () => {
      await e.reload();
      await e.getByRole('button', { name: 'เผยแพร่', exact: true }).click();
      await expect(planNotice(e, 'เผยแพร่แผนแล้ว')).toBeVisible();
      await expect(e.getByText('เผยแพร่แล้ว', { exact: true }).first()).toBeVisible();
      await expect(e.getByRole('button', { name: 'เผยแพร่', exact: true })).toHaveCount(0);
    });

    await test.step('an anonymous reader gets the published plan with the month-only date, indicator and evidence', async () => {
      const plan = await getJson<PublicPlan>(anonymous, `/public/agencies/${agencyId}/plans/${FY}`);
      expect(plan).toMatchObject({ fiscalYear: FY, status: 'published', agencyNameTh: AGENCIES.bangSaiNoi, introText: INTRO });
      const measure = plan.measures.find((entry) => entry.id === measureId);
      expect(measure, 'the edited measure is published').toBeDefined();
      // Month precision: the stored 1st of the month is a placeholder, never presented as a day.
      expect(measure!.carriedOut).toEqual({ date: CARRIED_OUT.iso, precision: 'month' });
      expect(measure!.outcome).toBe('completed');
      expect(measure!.responsible).toBe(RESPONSIBLE);
      expect(measure!.indicators).toEqual(
        expect.arrayContaining([expect.objectContaining({ fiscalYear: INDICATOR.codebookYear, code: INDICATOR.code })]),
      );
      expect(measure!.evidence).toEqual([EVIDENCE]);
      // Reviewers' comments are working notes, not published.
      expect(plan.comments).toEqual([]);
      // Nobody signed in: the private API still says no.
      expect((await anonymous.get(`${API}/agencies/${agencyId}/plans/${FY}`)).status()).toBe(401);
    });

    await test.step('an anonymous visitor reads the published report page', async () => {
      const visitor = await browser.newContext();
      try {
        await setDigits(visitor);
        const page = await visitor.newPage();
        await page.goto(`/public/agencies/${agencyId}/plans/${FY}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(
          `รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ${FY}`,
        );
        await expect(page).toHaveURL(new RegExp(`/public/agencies/${agencyId}/plans/${FY}$`));
        await expect(page.getByText(AGENCIES.bangSaiNoi).first()).toBeVisible();
        await expect(page.getByText(INTRO)).toBeVisible();
        const row = page.getByRole('row').filter({ hasText: measureTitle });
        await expect(row).toHaveCount(1);
        await expect(row).toContainText(`ดำเนินการเมื่อ ${CARRIED_OUT.text}`);
        await expect(row).not.toContainText('ดำเนินการเมื่อวันที่');
        await expect(row.getByRole('list', { name: 'ตัวชี้วัด ITA ที่อ้างอิง' })).toContainText(INDICATOR.code);
        await expect(row.getByRole('link', { name: EVIDENCE.label })).toHaveAttribute('href', EVIDENCE.url);
        await expect(page.getByText(RETURN_REASON)).toHaveCount(0);
      } finally {
        await visitor.close();
      }
    });
  } finally {
    await anonymous.dispose();
    await editor.context.close();
    await reviewer.context.close();
  }
});

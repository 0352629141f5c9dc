import {
  AGENCIES,
  AGENCY_URL,
  API,
  CSRF_HEADERS,
  MEASURE_EDIT_URL,
  expect,
  getJson,
  idFrom,
  newSession,
  test,
  type Session,
} from './fixtures';

/**
 * Two sessions of the editor of องค์การบริหารส่วนตำบลบ้านซ่ง edit the same measure. The second save
 * is based on a stale version: it must open the conflict screen (no lost update), and "use my
 * changes on the latest version" must keep both people's changes to different fields.
 *
 * The seed gives บ้านซ่ง FY2566 published and FY2567 submitted (read-only), so the test works in a
 * FY2568 plan copied from FY2567; no other journey touches this agency's plans.
 */

const FY = 2568;
const SOURCE_FY = 2567;
const FIRST_CHANGE = { field: 'ผู้รับผิดชอบ', value: 'กองคลัง อบต.บ้านซ่ง' };
const SECOND_CHANGE = {
  label: 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม',
  field: 'สรุปผลการดำเนินการ',
  value: 'เผยแพร่แผนการดำเนินงานบนเว็บไซต์ของหน่วยงานแล้ว',
};

interface MeasureDto {
  id: string;
  title: string;
  responsible: string | null;
  summary: string | null;
  version: number;
}

/** The FY2568 plan of the session's agency: created from FY2567 unless an earlier attempt made it. */
async function ensurePlan(session: Session, agencyId: string): Promise<{ measures: MeasureDto[] }> {
  const created = await session.page.request.post(`${API}/agencies/${agencyId}/plans/${FY}`, {
    headers: CSRF_HEADERS,
    data: { copyFromFiscalYear: SOURCE_FY },
  });
  if (created.status() === 201) return (await created.json()) as { measures: MeasureDto[] };
  expect(created.status(), await created.text()).toBe(409);
  return getJson(session.page.request, `/agencies/${agencyId}/plans/${FY}`);
}

test('a stale save opens the conflict screen, and re-applying keeps both editors’ changes', async ({ browser }) => {
  const first = await newSession(browser, 'otherEditor');
  const second = await newSession(browser, 'otherEditor');
  const a = first.page;
  const b = second.page;

  try {
    await expect(a).toHaveURL(AGENCY_URL);
    await expect(a.getByRole('heading', { level: 1, name: AGENCIES.banShong })).toBeVisible();
    const agencyId = idFrom(a, AGENCY_URL);
    const plan = await ensurePlan(first, agencyId);
    // A measure neither session has touched (the first one on a retry could already hold changes).
    const measure = plan.measures.find((entry) => !entry.responsible && !entry.summary);
    expect(measure, 'the copied plan has an untouched measure').toBeDefined();
    const measureId = measure!.id;
    const editPath = `/measures/${measureId}/edit`;

    // Both sessions open the same version of the edit page.
    for (const page of [a, b]) {
      await page.goto(editPath);
      await expect(page).toHaveURL(MEASURE_EDIT_URL);
      await expect(page.getByRole('textbox', { name: 'มาตรการ / โครงการ / กิจกรรม' })).toHaveValue(measure!.title);
      await expect(page.getByRole('button', { name: 'บันทึก', exact: true })).toBeEnabled();
    }

    // The first saves a change to one field.
    await a.getByRole('textbox', { name: FIRST_CHANGE.field }).fill(FIRST_CHANGE.value);
    await a.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect(a.getByRole('status').filter({ hasText: /^บันทึกแล้ว$/ })).toBeVisible();

    // The second, still on the old version, saves a change to another field: conflict, not overwrite.
    await b.getByRole('textbox', { name: SECOND_CHANGE.label }).fill(SECOND_CHANGE.value);
    await b.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await expect(b.getByRole('heading', { name: 'มีผู้อื่นบันทึกมาตรการนี้ก่อนคุณ' })).toBeVisible();
    await expect(b.getByRole('heading', { name: 'มีผู้อื่นบันทึกมาตรการนี้ก่อนคุณ' })).toBeFocused();

    // It lists exactly the differing fields, who changed each, and both values.
    const table = b.getByRole('table', { name: 'ช่องที่ต่างกันระหว่างการแก้ไขของคุณกับฉบับล่าสุด' });
    const rows = table.getByRole('rowgroup').nth(1).getByRole('row');
    await expect(rows).toHaveCount(2);
    const theirs = rows.filter({ has: b.getByRole('rowheader', { name: FIRST_CHANGE.field }) });
    await expect(theirs).toContainText('ผู้อื่นแก้ไข');
    await expect(theirs.getByRole('cell').nth(0)).toContainText('(ว่าง)');
    await expect(theirs.getByRole('cell').nth(1)).toContainText(FIRST_CHANGE.value);
    const mine = rows.filter({ has: b.getByRole('rowheader', { name: SECOND_CHANGE.field }) });
    await expect(mine).toContainText('คุณแก้ไข');
    await expect(mine.getByRole('cell').nth(0)).toContainText(SECOND_CHANGE.value);
    await expect(mine.getByRole('cell').nth(1)).toContainText('(ว่าง)');
    // Nothing was written by the stale save.
    const afterFirst = await getJson<MeasureDto>(b.request, `/measures/${measureId}`);
    expect(afterFirst).toMatchObject({ responsible: FIRST_CHANGE.value, summary: measure!.summary, version: measure!.version + 1 });

    // "Use my changes on the latest version" saves on top of the first editor's version.
    await b.getByRole('button', { name: 'ใช้การแก้ไขของฉันกับฉบับล่าสุด' }).click();
    await expect(b.getByRole('status').filter({ hasText: /^บันทึกแล้ว$/ })).toBeVisible();
    await expect(b.getByRole('heading', { name: 'มีผู้อื่นบันทึกมาตรการนี้ก่อนคุณ' })).toHaveCount(0);
    await expect(b.getByRole('textbox', { name: FIRST_CHANGE.field })).toHaveValue(FIRST_CHANGE.value);
    await expect(b.getByRole('textbox', { name: SECOND_CHANGE.label })).toHaveValue(SECOND_CHANGE.value);

    // The stored measure holds both changes, one version later.
    const final = await getJson<MeasureDto>(a.request, `/measures/${measureId}`);
    expect(final).toMatchObject({ responsible: FIRST_CHANGE.value, summary: SECOND_CHANGE.value, version: measure!.version + 2 });

    // The first editor, reloading, sees both too; the history has both edits.
    await a.reload();
    await expect(a.getByRole('textbox', { name: FIRST_CHANGE.field })).toHaveValue(FIRST_CHANGE.value);
    await expect(a.getByRole('textbox', { name: SECOND_CHANGE.label })).toHaveValue(SECOND_CHANGE.value);
    const history = a.locator('section').filter({ has: a.getByRole('heading', { level: 2, name: 'ประวัติการแก้ไข' }) });
    const edits = history.getByRole('listitem');
    await expect(edits).toHaveCount(2);
    await expect(edits.nth(0).getByRole('rowheader')).toHaveText([SECOND_CHANGE.field]);
    await expect(edits.nth(1).getByRole('rowheader')).toHaveText([FIRST_CHANGE.field]);
  } finally {
    await first.context.close();
    await second.context.close();
  }
});

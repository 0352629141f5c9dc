import { AGENCY_URL, API, CSRF_HEADERS, expect, getJson, idFrom, newSession, setDigits, test } from './fixtures';

/**
 * Evidence files (issue 15), as its "done when" says: the editor of ตำบลบางทรายน้อย uploads a PDF and a
 * photo to a measure through the page's file picker (several at once, with progress), drops a third
 * on the panel and deletes it; a file of the
 * unpublished plan answers 404 to the public and to another agency's editor; the provincial reviewer
 * opens both (the photo's preview, the PDF as a download); the plan is submitted, accepted and
 * published; an anonymous visitor downloads the PDF from the link in the public report.
 *
 * Shared database: the other journeys use this agency's FY2565–FY2567 plans, so this one works in its
 * own FY2571 plan (created here, empty, with one measure) and assumes nothing else of the seed.
 */

const FY = 2571;
const PDF_NAME = 'คำสั่งแต่งตั้งคณะทำงาน ITA.pdf';
const PHOTO_NAME = 'ภาพกิจกรรมอบรม.png';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
/** A 64×48 green PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAARElEQVRo3u3PQQkAAAgEsCtiDFPZ/28Fv8JgBZaafi0CAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAlcLCSvceewbhEIAAAAASUVORK5CYII=',
  'base64',
);

interface EvidenceFile {
  id: string;
  name: string;
  url: string;
  previewUrl: string | null;
}

test('an editor uploads a PDF and a photo, the reviewer opens them, the plan is published and the public downloads the PDF from the report', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const editor = await newSession(browser, 'editor');
  const e = editor.page;
  const anonymous = await playwright.request.newContext({ baseURL });
  const sessions = [editor];

  try {
    // Arrange: the editor's own FY2571 plan with one measure (made through the API; the UI journeys are elsewhere).
    await expect(e).toHaveURL(AGENCY_URL);
    const agencyId = idFrom(e, AGENCY_URL);
    const created = await e.request.post(`${API}/agencies/${agencyId}/plans/${FY}`, { headers: CSRF_HEADERS, data: {} });
    expect([201, 409], await created.text()).toContain(created.status());
    const plan = await getJson<{ id: string; version: number }>(e.request, `/agencies/${agencyId}/plans/${FY}`);
    const measure = await e.request.post(`${API}/plans/${plan.id}/measures`, {
      headers: CSRF_HEADERS,
      data: { title: 'จัดทำคำสั่งแต่งตั้งคณะทำงานขับเคลื่อนการประเมิน ITA และอบรมเจ้าหน้าที่' },
    });
    expect(measure.status(), await measure.text()).toBe(201);
    const measureId = ((await measure.json()) as { id: string }).id;
    let files: EvidenceFile[] = [];

    await test.step('the editor picks a PDF and a photo at once; each shows its progress, then both are listed, the photo with a preview', async () => {
      await e.goto(`/measures/${measureId}/edit`);
      const panel = e.getByRole('region', { name: 'ไฟล์หลักฐาน' });
      await expect(panel.getByText('ยังไม่มีไฟล์หลักฐาน')).toBeVisible();
      // The picker is a real file input reached by its label (keyboard and screen readers alike).
      await panel.getByLabel('เลือกไฟล์').setInputFiles([
        { name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF },
        { name: PHOTO_NAME, mimeType: 'image/png', buffer: PHOTO },
      ]);
      const uploads = panel.getByRole('list', { name: 'ไฟล์ที่กำลังอัปโหลด' });
      await expect(uploads.getByRole('listitem')).toHaveCount(2);
      await expect(uploads.getByText('อัปโหลดแล้ว')).toHaveCount(2);
      await expect(panel.getByRole('link', { name: PDF_NAME })).toBeVisible();
      await expect(panel.getByRole('link', { name: PHOTO_NAME })).toBeVisible();
      const preview = panel.getByRole('img', { name: `ภาพตัวอย่างของ ${PHOTO_NAME}` });
      await expect(preview).toBeVisible();
      await preview.scrollIntoViewIfNeeded(); // previews load lazily, when they come into view
      await expect.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(64);
      files = (await getJson<{ items: EvidenceFile[] }>(e.request, `/measures/${measureId}/files`)).items;
      expect(files.map((file) => file.name)).toEqual([PDF_NAME, PHOTO_NAME]);
    });

    await test.step('the editor drops a third file on the panel, then deletes it after confirming', async () => {
      const panel = e.getByRole('region', { name: 'ไฟล์หลักฐาน' });
      const dropZone = panel.getByText('ลากไฟล์มาวางที่นี่ หรือ');
      const dataTransfer = await e.evaluateHandle((base64) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'ภาพซ้ำ.png', { type: 'image/png' }));
        return transfer;
      }, PHOTO.toString('base64'));
      await dropZone.dispatchEvent('drop', { dataTransfer });
      const dropped = panel.getByRole('link', { name: 'ภาพซ้ำ.png' });
      await expect(dropped).toBeVisible();
      await panel.getByRole('button', { name: 'ลบไฟล์ ภาพซ้ำ.png' }).click();
      const dialog = e.getByRole('dialog', { name: 'ลบไฟล์หลักฐาน' });
      await expect(dialog).toContainText('ภาพซ้ำ.png');
      await dialog.getByRole('button', { name: 'ลบไฟล์' }).click();
      await expect(dialog).toBeHidden();
      await expect(dropped).toHaveCount(0);
      files = (await getJson<{ items: EvidenceFile[] }>(e.request, `/measures/${measureId}/files`)).items;
      expect(files.map((file) => file.name)).toEqual([PDF_NAME, PHOTO_NAME]);
    });

    const pdf = () => files.find((file) => file.name === PDF_NAME)!;

    await test.step('while the plan is unpublished, its file answers 404 to the public and to another agency’s editor', async () => {
      expect((await anonymous.get(pdf().url)).status()).toBe(404);
      const other = await newSession(browser, 'otherEditor');
      sessions.push(other);
      expect((await other.page.request.get(pdf().url)).status()).toBe(404);
      expect((await other.page.request.get(`${API}/measures/${measureId}/files`)).status()).toBe(404);
    });

    await test.step('the editor submits the plan', async () => {
      const current = await getJson<{ version: number }>(e.request, `/agencies/${agencyId}/plans/${FY}`);
      const submitted = await e.request.post(`${API}/plans/${plan.id}/submit`, {
        headers: CSRF_HEADERS,
        data: { version: current.version },
      });
      expect(submitted.status(), await submitted.text()).toBe(200);
    });

    await test.step('the reviewer opens the measure: sees the photo’s preview and downloads the PDF, and cannot add files', async () => {
      const reviewer = await newSession(browser, 'reviewer');
      sessions.push(reviewer);
      const r = reviewer.page;
      await r.goto(`/measures/${measureId}/edit`);
      const panel = r.getByRole('region', { name: 'ไฟล์หลักฐาน' });
      await expect(panel.getByRole('img', { name: `ภาพตัวอย่างของ ${PHOTO_NAME}` })).toBeVisible();
      await expect(panel.getByLabel('เลือกไฟล์')).toHaveCount(0);
      await expect(panel.getByRole('button', { name: /ลบไฟล์/ })).toHaveCount(0);
      const download = r.waitForEvent('download');
      await panel.getByRole('link', { name: PDF_NAME }).click();
      const saved = await download;
      expect(saved.suggestedFilename()).toBe(PDF_NAME);
      const bytes = await (await saved.createReadStream()).toArray();
      expect(Buffer.concat(bytes).equals(PDF)).toBe(true);

      const accepted = await r.request.post(`${API}/plans/${plan.id}/accept`, {
        headers: CSRF_HEADERS,
        data: { version: (await getJson<{ version: number }>(r.request, `/agencies/${agencyId}/plans/${FY}`)).version },
      });
      expect(accepted.status(), await accepted.text()).toBe(200);
    });

    await test.step('the editor publishes', async () => {
      const current = await getJson<{ version: number }>(e.request, `/agencies/${agencyId}/plans/${FY}`);
      const published = await e.request.post(`${API}/plans/${plan.id}/publish`, {
        headers: CSRF_HEADERS,
        data: { version: current.version },
      });
      expect(published.status(), await published.text()).toBe(200);
    });

    await test.step('an anonymous visitor opens the public report and downloads the PDF from its link', async () => {
      const visitor = await browser.newContext({ acceptDownloads: true });
      try {
        await setDigits(visitor);
        const page = await visitor.newPage();
        await page.goto(`${API}/public/agencies/${agencyId}/plans/${FY}/report.html`);
        const link = page.getByRole('link', { name: PDF_NAME });
        await expect(link).toHaveAttribute('href', new RegExp(`/api/v1/files/${pdf().id}/content$`));
        const download = page.waitForEvent('download');
        await link.click();
        const saved = await download;
        expect(saved.suggestedFilename()).toBe(PDF_NAME);
        expect(Buffer.concat(await (await saved.createReadStream()).toArray()).equals(PDF)).toBe(true);
        // The answer is an attachment the browser must not sniff into something else.
        const answer = await anonymous.get(pdf().url);
        expect(answer.status()).toBe(200);
        expect(answer.headers()['content-type']).toBe('application/pdf');
        expect(answer.headers()['x-content-type-options']).toBe('nosniff');
        expect(answer.headers()['content-disposition']).toMatch(/^attachment; /);
      } finally {
        await visitor.close();
      }
    });
  } finally {
    await anonymous.dispose();
    for (const session of sessions) await session.context.close();
  }
});

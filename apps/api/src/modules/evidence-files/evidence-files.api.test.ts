import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/app';
import { createPlan, createTenant, signIn } from '../../../test/factories';
import { listenInRange, type Listening } from '../../../test/listen';
import { configureFileStore, fileSettings } from '../../lib/file-store/file-store';
import { getPrisma } from '../../lib/prisma';

const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-files-test-'));
configureFileStore({ spoolDir });

/** A small real PDF (one empty page). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
const png = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a7' } })
    .png()
    .toBuffer();
const docxFile = async () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('คำสั่งแต่งตั้งคณะทำงาน')] }] }));
async function xlsxFile(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('ผล').addRow(['มาตรการ', 'ผล']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const filesOf = (measureId: string) => getPrisma().evidenceFile.findMany({ where: { measureId } });
const chunkCount = async () => await getPrisma().storedFileChunk.count();
const spooled = () => fs.readdirSync(spoolDir);

async function draftMeasure() {
  const tenant = await createTenant(51);
  const plan = await createPlan(tenant.agency.id, 2567, 'draft', 1);
  return { ...tenant, plan, measure: plan.measures[0]! };
}

describe('evidence files: upload, list, download', () => {
  it('when an editor uploads a PDF, a photo, a DOCX and an XLSX, then each is kept with its sniffed type, a safe name, a preview for the photo and an audit row', async () => {
    // Arrange
    const { editor, measure, agency } = await draftMeasure();
    const agent = await signIn(app, editor);
    const photo = await png();

    // Act
    const pdf = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'คำสั่ง ที่ 1/2567.pdf');
    const image = await agent
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .field('internal', 'true')
      .attach('file', photo, 'กิจกรรม.PNG');
    const word = await agent
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .attach('file', await docxFile(), 'ประกาศ.docx');
    const sheet = await agent
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .attach('file', await xlsxFile(), 'ผล.xlsx');
    const list = await agent.get(`/api/v1/measures/${measure.id}/files`);

    // Assert
    expect([pdf.status, image.status, word.status, sheet.status]).toEqual([201, 201, 201, 201]);
    expect(pdf.body).toMatchObject({
      name: '2567.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      isInternal: false,
      previewUrl: null,
    });
    expect(image.body).toMatchObject({ name: 'กิจกรรม.png', contentType: 'image/png', isInternal: true, hasPreview: true });
    expect(word.body.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sheet.body.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(list.body.items.map((file: { id: string }) => file.id)).toEqual([pdf.body.id, image.body.id, word.body.id, sheet.body.id]);

    const download = await agent
      .get(pdf.body.url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="2567.pdf"; filename*=UTF-8''2567.pdf`);

    const preview = await agent.get(image.body.previewUrl).buffer(true);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-type']).toBe('image/webp');
    const meta = await sharp(preview.body as Buffer).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213]);

    const audit = await getPrisma().auditLog.findMany({ where: { entityType: 'evidence_file', agencyId: agency.id } });
    expect(audit.map((row) => row.action)).toEqual(['create', 'create', 'create', 'create']);
    expect(spooled()).toEqual([]);
  });

  it('when the bytes are HTML, an ELF or a Windows executable, or nothing, but the name says .pdf, then the upload is 415 and nothing is kept', async () => {
    // Arrange
    const { editor, measure } = await draftMeasure();
    const agent = await signIn(app, editor);
    const before = await chunkCount();
    const bodies = [
      Buffer.from('<!doctype html><html><script>alert(1)</script></html>'),
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]),
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62, 0), Buffer.from('PE\0\0'), Buffer.alloc(4000, 0)]),
      Buffer.alloc(0),
    ];

    // Act
    const answers = [];
    for (const body of bodies)
      answers.push(await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', body, 'report.pdf'));

    // Assert
    expect(answers.map((answer) => answer.status)).toEqual([415, 415, 415, 415]);
    expect(answers[0]!.body.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      reason: 'evidenceFileType',
      issues: [{ code: 'file_type_refused' }],
    });
    expect(answers.map((answer) => answer.body.error.reason)).toEqual(Array(4).fill('evidenceFileType'));
    expect(answers[0]!.body.error.message).toContain('PDF');
    expect(await filesOf(measure.id)).toEqual([]);
    expect(await chunkCount()).toBe(before);
    expect(spooled()).toEqual([]);
  });

  it('when a PNG header carries garbage, then the upload is 400 (the image cannot be decoded) and nothing is kept', async () => {
    const { editor, measure } = await draftMeasure();
    const agent = await signIn(app, editor);
    const broken = Buffer.concat([(await png()).subarray(0, 64), Buffer.alloc(2000, 7)]);
    const answer = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', broken, 'x.png');
    expect(answer.status).toBe(400);
    expect(answer.body.error.issues[0].code).toBe('image_unreadable');
    // ADR 026: the reason and its pixel limit, for the panel to write in the reader's language.
    expect(answer.body.error).toMatchObject({ code: 'VALIDATION_FAILED', reason: 'evidenceImageUnreadable', params: { megapixels: 60 } });
    expect(await filesOf(measure.id)).toEqual([]);
  });

  it('when the measure was deleted meanwhile, then the upload is 409 with the reason measureDeleted and nothing is kept', async () => {
    // Arrange
    const { editor, measure } = await draftMeasure();
    const agent = await signIn(app, editor);
    const deleted = await agent.delete(`/api/v1/measures/${measure.id}?version=${measure.version}`).set(csrf);
    const before = await chunkCount();

    // Act
    const answer = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'คำสั่ง.pdf');

    // Assert
    expect(deleted.status).toBe(204);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toMatchObject({ code: 'INVALID_STATE', reason: 'measureDeleted' });
    expect(answer.body.error.message).toBe('มาตรการนี้ถูกลบแล้ว');
    expect(await filesOf(measure.id)).toEqual([]);
    expect(await chunkCount()).toBe(before);
  });

  it('when there is no file part, or the body is JSON, then 400 and 415', async () => {
    const { editor, measure } = await draftMeasure();
    const agent = await signIn(app, editor);
    const noFile = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).field('internal', 'true');
    const json = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).send({ file: 'x' });
    expect(noFile.status).toBe(400);
    expect(json.status).toBe(415);
  });

  it('when nobody is signed in, then the upload is 401; when another agency uploads, 404; when a reviewer does, 403', async () => {
    const { measure } = await draftMeasure();
    const other = await createTenant(52);
    const reviewer = (await draftMeasure()).reviewer;
    const { reviewer: ownReviewer } = await createTenant(51);
    const anonymous = await request(app).post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'a.pdf');
    const foreign = await (
      await signIn(app, other.editor)
    )
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .attach('file', PDF, 'a.pdf');
    const review = await (
      await signIn(app, ownReviewer)
    )
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .attach('file', PDF, 'a.pdf');
    expect([anonymous.status, foreign.status, review.status]).toEqual([401, 404, 403]);
    expect(reviewer).toBeDefined();
    expect(await filesOf(measure.id)).toEqual([]);
  });

  it('when the agency quota would be passed, then the upload is 413 quota_exceeded and nothing is kept', async () => {
    const { editor, measure } = await draftMeasure();
    const agent = await signIn(app, editor);
    const saved = fileSettings().agencyQuotaBytes;
    // A quota of 1.5 MiB: a 1 MiB file fits once, not twice.
    configureFileStore({ spoolDir, agencyQuotaBytes: 1.5 * 1024 * 1024 });
    const large = Buffer.concat([PDF, Buffer.alloc(1024 * 1024 - PDF.length, 0x20)]);
    try {
      const first = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', large, 'a.pdf');
      const second = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', large, 'b.pdf');
      expect([first.status, second.status]).toEqual([201, 413]);
      expect(second.body.error).toMatchObject({ reason: 'evidenceQuotaFull', params: { megabytes: 1.5 } });
      expect(second.body.error.issues[0].code).toBe('quota_exceeded');
      expect((await filesOf(measure.id)).map((file) => file.name)).toEqual(['a.pdf']);
    } finally {
      configureFileStore({ spoolDir, agencyQuotaBytes: saved });
    }
  });
});

describe('evidence files: size limits stream', () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listenInRange(app);
  });
  afterAll(() => server.close());

  /** A raw multipart upload of `size` bytes (a PDF header, then filler), declared or chunked. */
  function rawUpload(cookie: string, measureId: string, size: number, declareLength: boolean) {
    const boundary = '----prongsai-test';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const url = new URL(`${server.baseUrl}/api/v1/measures/${measureId}/files`);
    return new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = http.request(url, {
        method: 'POST',
        headers: {
          cookie,
          ...csrf,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          ...(declareLength ? { 'content-length': String(head.length + size + tail.length) } : { 'transfer-encoding': 'chunked' }),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
      });
      req.on('error', reject);
      const filler = Buffer.alloc(64 * 1024, 0x41);
      let left = size - 9;
      const pump = () => {
        if (req.destroyed) return;
        if (sent === 0) {
          req.write(head);
          sent += head.length;
        }
        while (left > 0) {
          const piece = filler.subarray(0, Math.min(filler.length, left));
          left -= piece.length;
          sent += piece.length;
          if (!req.write(piece)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end(tail);
      };
      pump();
    });
  }

  it('when a 25 MB file is declared, then the answer is 413 before the body is read, and nothing is kept', async () => {
    const { editor, measure } = await draftMeasure();
    const cookie = (await signIn(app, editor)).jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .toValueString();
    const before = await chunkCount();
    const answer = await rawUpload(cookie, measure.id, 25 * 1024 * 1024, true).catch((error: Error) => ({
      status: -1,
      body: error.message,
      sent: 0,
    }));
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.issues[0].code).toBe('file_too_large');
    expect(await filesOf(measure.id)).toEqual([]);
    expect(await chunkCount()).toBe(before);
    expect(spooled()).toEqual([]);
  });

  it('when a 25 MB file arrives chunked (no declared length), then it is cut at the limit with 413, and nothing is kept', async () => {
    const { editor, measure } = await draftMeasure();
    const cookie = (await signIn(app, editor)).jar
      .getCookies({ domain: '127.0.0.1', path: '/', secure: false, script: false })
      .toValueString();
    const before = await chunkCount();
    const heapBefore = process.memoryUsage().heapUsed;
    const answer = await rawUpload(cookie, measure.id, 25 * 1024 * 1024, false).catch((error: Error) => ({
      status: -1,
      body: error.message,
      sent: 0,
    }));
    expect(answer.status).toBe(413);
    expect(await filesOf(measure.id)).toEqual([]);
    expect(await chunkCount()).toBe(before);
    expect(spooled()).toEqual([]);
    // Streamed through a temporary file: the heap did not grow by anything like the file.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(15 * 1024 * 1024);
  });
});

describe('evidence files: who sees them', () => {
  it('when the plan is not published, then a file answers 404 to the public and to another agency, 200 to the own editor and the province reviewer', async () => {
    // Arrange
    const { editor, reviewer, measure } = await draftMeasure();
    const other = await createTenant(52);
    const agent = await signIn(app, editor);
    const uploaded = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'a.pdf');
    const url: string = uploaded.body.url;

    // Act
    const answers = [
      await request(app).get(url),
      await (await signIn(app, other.editor)).get(url),
      await (await signIn(app, other.editor)).get(`/api/v1/measures/${measure.id}/files`),
      await agent.get(url),
      await (await signIn(app, reviewer)).get(url),
    ];

    // Assert
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 200, 200]);
  });

  it("when the public lists a plan's files, then an unpublished plan is 404, a published one lists its public files with download links, not the internal one", async () => {
    // Arrange
    const { agency, editor, measure, plan } = await draftMeasure();
    const agent = await signIn(app, editor);
    const open = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'คำสั่ง.pdf');
    await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).field('internal', 'true').attach('file', PDF, 'ภายใน.pdf');
    const listUrl = `/api/v1/public/agencies/${agency.id}/plans/2567/files`;

    // Act
    const whileDraft = await request(app).get(listUrl);
    const editorWhileDraft = await agent.get(listUrl);
    const badYear = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/25x/files`);
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'published' } });
    const published = await request(app).get(listUrl);

    // Assert
    expect(whileDraft.status).toBe(404);
    expect(editorWhileDraft.status).toBe(404); // the public view of one's own draft is the public's
    expect(badYear.status).toBe(400);
    expect(published.status).toBe(200);
    expect(published.body.items).toEqual([
      expect.objectContaining({ id: open.body.id, measureId: measure.id, name: 'คำสั่ง.pdf', isInternal: false, url: open.body.url }),
    ]);
    expect((await request(app).get(published.body.items[0].url)).status).toBe(200);
  });

  it('when the plan is published, then the public downloads its files except an internal one; a deleted measure hides its files', async () => {
    // Arrange
    const { editor, measure, plan } = await draftMeasure();
    const agent = await signIn(app, editor);
    const open = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'open.pdf');
    const internal = await agent
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .field('internal', 'true')
      .attach('file', await png(), 'in.png');
    const otherEditor = await signIn(app, (await createTenant(52)).editor);
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'published' } });

    // Act / Assert
    expect((await request(app).get(open.body.url)).status).toBe(200);
    expect((await otherEditor.get(open.body.url)).status).toBe(200); // what the public sees, signed in or not
    expect((await request(app).get(internal.body.url)).status).toBe(404);
    expect((await request(app).get(internal.body.previewUrl)).status).toBe(404);
    expect((await agent.get(internal.body.previewUrl)).status).toBe(200);
    // A published plan's files are not edited: deleting is refused.
    expect((await agent.delete(open.body.url.replace('/content', '')).set(csrf)).status).toBe(409);

    await getPrisma().measure.update({ where: { id: measure.id }, data: { deletedAt: new Date() } });
    expect((await request(app).get(open.body.url)).status).toBe(404);
    expect((await agent.get(open.body.url)).status).toBe(404);
    await getPrisma().measure.update({ where: { id: measure.id }, data: { deletedAt: null } });
    expect((await request(app).get(open.body.url)).status).toBe(200);
  });

  it('when an editor deletes a file or marks it internal, then it is gone (audited) or kept from the public; another agency cannot do either', async () => {
    const { editor, measure, agency } = await draftMeasure();
    const agent = await signIn(app, editor);
    const other = await signIn(app, (await createTenant(52)).editor);
    const file = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'a.pdf');
    const fileUrl = `/api/v1/files/${file.body.id}`;

    expect((await other.patch(fileUrl).set(csrf).send({ isInternal: true })).status).toBe(404);
    expect((await other.delete(fileUrl).set(csrf)).status).toBe(404);
    expect((await agent.patch(fileUrl).set(csrf).send({ isInternal: 'yes' })).status).toBe(400);
    const marked = await agent.patch(fileUrl).set(csrf).send({ isInternal: true });
    expect(marked.status).toBe(200);
    expect(marked.body.isInternal).toBe(true);
    expect((await agent.delete(fileUrl).set(csrf)).status).toBe(204);
    expect((await agent.get(file.body.url)).status).toBe(404);
    expect((await agent.get(`/api/v1/measures/${measure.id}/files`)).body.items).toEqual([]);
    const audit = await getPrisma().auditLog.findMany({
      where: { entityType: 'evidence_file', entityId: file.body.id, agencyId: agency.id },
      orderBy: { id: 'asc' },
    });
    expect(audit.map((row) => row.action)).toEqual(['create', 'update', 'delete']);
    // The row and its bytes stay (soft delete), for the audit trail.
    expect((await getPrisma().evidenceFile.findUniqueOrThrow({ where: { id: file.body.id } })).deletedAt).not.toBeNull();
  });

  it('when the plan is published, then its report lists the public files of each measure by name and permalink, and the staff report lists the internal one too', async () => {
    // Arrange
    const { editor, measure, plan, agency } = await draftMeasure();
    const agent = await signIn(app, editor);
    const staffBefore = await agent.get(`/api/v1/plans/${plan.id}/report.html`);
    const open = await agent.post(`/api/v1/measures/${measure.id}/files`).set(csrf).attach('file', PDF, 'คำสั่งแต่งตั้ง.pdf');
    const internal = await agent
      .post(`/api/v1/measures/${measure.id}/files`)
      .set(csrf)
      .field('internal', 'true')
      .attach('file', PDF, 'บันทึกภายใน.pdf');
    await getPrisma().plan.update({ where: { id: plan.id }, data: { status: 'published' } });

    // Act
    const publicReport = await request(app).get(`/api/v1/public/agencies/${agency.id}/plans/2567/report.html`);
    const staffReport = await agent.get(`/api/v1/plans/${plan.id}/report.html`);

    // Assert
    expect(publicReport.status).toBe(200);
    expect(publicReport.text).toContain('คำสั่งแต่งตั้ง.pdf');
    expect(publicReport.text).toContain(`http://localhost:3000/api/v1/files/${open.body.id}/content`);
    expect(publicReport.text).not.toContain('บันทึกภายใน.pdf');
    expect(publicReport.text).not.toContain(internal.body.id);
    expect(staffReport.text).toContain('บันทึกภายใน.pdf');
    // The report (cached per plan version) changed when files were added.
    expect(staffBefore.text).not.toContain('คำสั่งแต่งตั้ง.pdf');
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { makeCodebook } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { CodebookUploadForm } from './codebook-upload-form';

afterEach(() => vi.unstubAllGlobals());

describe('CodebookUploadForm', () => {
  it('when the server refuses lines of the CSV, then each problem is listed with its line and column', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      {
        method: 'PUT',
        path: '/codebooks/2569',
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง', {
          issues: [
            { path: 'body.csv.line3.code', message: 'รหัสตัวชี้วัดต้องเป็นรูปแบบ O1–O99', code: 'invalid_format' },
            { path: 'body.csv.line3.group', message: 'กลุ่มตัวชี้วัดต้องเป็นรูปแบบ 9.1 หรือ 10.2', code: 'invalid_format' },
          ],
        }),
      },
    ]);
    renderWithProviders(<CodebookUploadForm defaultYear={2569} onUploaded={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'อัปโหลดคู่มือ' }));
    expect(screen.getByText('กรุณาแนบไฟล์ CSV')).toBeInTheDocument();
    expect(calls).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'เนื้อหา CSV' }), 'code,title,group{enter}O1,ok,9.1{enter}X2,bad,11.1');
    await user.type(screen.getByRole('textbox', { name: 'หมายเหตุ (แหล่งที่มา)' }), 'ทดสอบ');
    await user.click(screen.getByRole('button', { name: 'อัปโหลดคู่มือ' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('ไฟล์ CSV มีข้อมูลไม่ถูกต้อง');
    const rows = within(alert).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['3', 'code', 'รหัสตัวชี้วัดต้องเป็นรูปแบบ O1–O99'],
      ['3', 'group', 'กลุ่มตัวชี้วัดต้องเป็นรูปแบบ 9.1 หรือ 10.2'],
    ]);
    expect(calls[0]?.body).toEqual({ csv: 'code,title,group\nO1,ok,9.1\nX2,bad,11.1', note: 'ทดสอบ' });
  });

  it('uploads a good CSV for the year typed', async () => {
    const user = userEvent.setup();
    const onUploaded = vi.fn();
    mockFetch([{ method: 'PUT', path: '/codebooks/2567', body: makeCodebook(2567) }]);
    renderWithProviders(<CodebookUploadForm defaultYear={2569} onUploaded={onUploaded} />);
    const year = screen.getByRole('textbox', { name: 'ปีงบประมาณ (พ.ศ.) ของคู่มือ' });
    await user.clear(year);
    await user.type(year, '2567');
    await user.type(screen.getByRole('textbox', { name: 'เนื้อหา CSV' }), 'code,title,group{enter}O11,แผน,9.2');
    await user.click(screen.getByRole('button', { name: 'อัปโหลดคู่มือ' }));
    await vi.waitFor(() => expect(onUploaded).toHaveBeenCalled());
  });

  it('when the server refuses lines with its own codes, then the answer is written in the reader’s language and digits (ADR 026)', async () => {
    const refusal = errorBody('VALIDATION_FAILED', 'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง', {
      reason: 'csvInvalid',
      issues: [
        { path: 'body.csv.line12.code', message: 'รหัส O1 ซ้ำ', code: 'duplicate', params: { value: 'O1' } },
        { path: 'body.csv.line13.title', message: 'กรุณาระบุชื่อรายการ', code: 'too_small', params: { minimum: 1, origin: 'string' } },
      ],
    });
    const rowsOf = (alert: HTMLElement) =>
      within(alert)
        .getAllByRole('row')
        .slice(1)
        .map((row) =>
          within(row)
            .getAllByRole('cell')
            .map((cell) => cell.textContent),
        );
    for (const [lang, digits, button, title, rows] of [
      [
        'en',
        'arabic',
        'Upload codebook',
        'The CSV file has invalid data',
        [
          ['12', 'code', 'O1 is already on an earlier line'],
          ['13', 'title', 'Please fill in this field'],
        ],
      ],
      [
        'th',
        'thai',
        'อัปโหลดคู่มือ',
        'ไฟล์ CSV มีข้อมูลไม่ถูกต้อง',
        [
          ['๑๒', 'code', 'O1 ซ้ำกับบรรทัดก่อนหน้า'],
          ['๑๓', 'title', 'กรุณาระบุชื่อรายการ'],
        ],
      ],
    ] as const) {
      const user = userEvent.setup();
      mockFetch([{ method: 'PUT', path: '/codebooks/2569', status: 400, body: refusal }]);
      const { unmount } = renderWithProviders(<CodebookUploadForm defaultYear={2569} onUploaded={vi.fn()} />, { lang, digits });
      await user.type(await screen.findByRole('textbox', { name: lang === 'en' ? 'CSV content' : 'เนื้อหา CSV' }), 'code,title,group');
      await user.click(screen.getByRole('button', { name: button }));
      const alert = await screen.findByRole('alert');
      expect(within(alert).getByText(title)).toBeInTheDocument();
      expect(rowsOf(alert)).toEqual(rows);
      if (lang === 'en') expect(alert.textContent).not.toMatch(/[\u0E00-\u0E7F]/);
      unmount();
      vi.unstubAllGlobals();
    }
  });
});

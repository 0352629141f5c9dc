import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch } from '@/testing/mock-fetch';
import { makeUser } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { EvidenceFilesPanel } from './evidence-files-panel';

afterEach(() => vi.unstubAllGlobals());

const MEASURE_ID = '11111111-1111-4111-8111-111111111111';
const files = {
  items: [
    {
      id: '22222222-2222-4222-8222-222222222222',
      measureId: MEASURE_ID,
      name: 'คำสั่ง.pdf',
      contentType: 'application/pdf',
      size: 2_500_000,
      isInternal: false,
      hasPreview: false,
      url: '/api/v1/files/22222222-2222-4222-8222-222222222222/content',
      previewUrl: null,
      createdAt: '2026-12-02T03:00:00.000Z',
    },
    {
      id: '33333333-3333-4333-8333-333333333333',
      measureId: MEASURE_ID,
      name: 'ภาพกิจกรรม.jpg',
      contentType: 'image/jpeg',
      size: 80_000,
      isInternal: true,
      hasPreview: true,
      url: '/api/v1/files/33333333-3333-4333-8333-333333333333/content',
      previewUrl: '/api/v1/files/33333333-3333-4333-8333-333333333333/preview',
      createdAt: '2026-12-02T03:01:00.000Z',
    },
  ],
};

describe('EvidenceFilesPanel', () => {
  it('when a measure has files, then each is a download link with its size, the photo with its preview and the internal mark', async () => {
    mockFetch([{ path: `/measures/${MEASURE_ID}/files`, body: files }]);
    renderWithProviders(<EvidenceFilesPanel measureId={MEASURE_ID} canEdit={false} />, { user: makeUser() });

    const pdf = await screen.findByRole('link', { name: 'คำสั่ง.pdf' });
    expect(pdf).toHaveAttribute('href', files.items[0]!.url);
    expect(pdf).toHaveAttribute('download', 'คำสั่ง.pdf');
    expect(screen.getByRole('img', { name: 'ภาพตัวอย่างของ ภาพกิจกรรม.jpg' })).toHaveAttribute('src', files.items[1]!.previewUrl);
    expect(screen.getByText('2.4 MB')).toBeInTheDocument();
    expect(screen.getByText('ใช้ภายใน')).toBeInTheDocument();
    // Read-only (a reviewer, or a plan not being edited): no picker, no delete.
    expect(screen.queryByLabelText('เลือกไฟล์')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /ลบไฟล์/ })).not.toBeInTheDocument();
  });

  it('when an editor picks a file over the limit, then it is refused with a message and never sent', async () => {
    const { calls } = mockFetch([{ path: `/measures/${MEASURE_ID}/files`, body: { items: [] } }]);
    const send = vi.spyOn(XMLHttpRequest.prototype, 'send');
    renderWithProviders(<EvidenceFilesPanel measureId={MEASURE_ID} canEdit />, { user: makeUser() });

    const big = new File([new Uint8Array(21 * 1024 * 1024)], 'ใหญ่.pdf', { type: 'application/pdf' });
    await userEvent.upload(await screen.findByLabelText('เลือกไฟล์'), big);

    const uploads = screen.getByRole('list', { name: 'ไฟล์ที่กำลังอัปโหลด' });
    expect(within(uploads).getByRole('alert')).toHaveTextContent('ใหญ่.pdf: ไฟล์ใหญ่เกิน 20 MB');
    expect(send).not.toHaveBeenCalled();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('when the server refuses an upload with a reason, then the panel writes the catalogue text in the reader’s language (ADR 026)', async () => {
    mockFetch([{ path: `/measures/${MEASURE_ID}/files`, body: { items: [] } }]);
    const refusals = [
      {
        status: 400,
        error: { code: 'VALIDATION_FAILED', message: 'อ่านรูปภาพนี้ไม่ได้', reason: 'evidenceImageUnreadable', params: { megapixels: 60 } },
      },
      { status: 409, error: { code: 'INVALID_STATE', message: 'มาตรการนี้ถูกลบแล้ว', reason: 'measureDeleted' } },
    ];
    vi.stubGlobal('XMLHttpRequest', refusingXhr(refusals));
    renderWithProviders(<EvidenceFilesPanel measureId={MEASURE_ID} canEdit />, { user: makeUser(), lang: 'en' });

    await userEvent.upload(await screen.findByLabelText('Choose files'), [
      new File(['x'], 'broken.png', { type: 'image/png' }),
      new File(['%PDF'], 'order.pdf', { type: 'application/pdf' }),
    ]);

    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      'broken.png: This image cannot be read: the file may be damaged, or the picture is larger than 60 megapixels',
      'order.pdf: This measure has been deleted. Restore it first to change it',
    ]);
  });
});

/** An XMLHttpRequest that answers each upload, in turn, with one of the given refusals (jsdom has no server to send to). */
function refusingXhr(answers: { status: number; error: Record<string, unknown> }[]) {
  let next = 0;
  return class {
    status = 0;
    responseText = '';
    upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    open() {}
    setRequestHeader() {}
    abort() {}
    getResponseHeader() {
      return 'application/json';
    }
    send() {
      const answer = answers[next++]!;
      this.status = answer.status;
      this.responseText = JSON.stringify({ error: { requestId: 'test', ...answer.error } });
      setTimeout(() => this.onload?.(), 0);
    }
  };
}

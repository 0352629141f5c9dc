import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AGENCY_ID } from '@/testing/factories';
import { mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { ReportSignatureForm } from './report-signature-form';

afterEach(() => vi.unstubAllGlobals());

const path = `/agencies/${AGENCY_ID}/report-signature`;
const SIGNED = { name: 'นายสมชาย ใจดี', position: 'นายกองค์การบริหารส่วนตำบลบางทรายน้อย', signedOn: null };

describe('ReportSignatureForm', () => {
  it('when an editor fills in the name and position, then the preview shows the printed block and saving PUTs it', async () => {
    // Arrange
    const user = userEvent.setup();
    const onSaved = vi.fn();
    const { calls } = mockFetch([
      { path, body: { signature: null } },
      { method: 'PUT', path, body: { signature: SIGNED } },
    ]);
    renderWithProviders(<ReportSignatureForm agencyId={AGENCY_ID} onSaved={onSaved} />);

    // Act
    await user.type(await screen.findByLabelText('ชื่อผู้ลงนาม'), SIGNED.name);
    await user.type(screen.getByLabelText('ตำแหน่ง'), SIGNED.position);

    // Assert: the preview, then the request
    expect(screen.getByText('(นายสมชาย ใจดี)')).toBeInTheDocument();
    expect(screen.getByText('วันที่ ........ เดือน .................... พ.ศ. ..........')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'บันทึกผู้ลงนาม' }));
    expect(await screen.findByRole('status')).toHaveTextContent('บันทึกแล้ว');
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual(SIGNED);
    expect(onSaved).toHaveBeenCalledOnce();
  });

  it('when the position is missing, then the form says so and sends nothing', async () => {
    // Arrange
    const user = userEvent.setup();
    const { calls } = mockFetch([{ path, body: { signature: null } }]);
    renderWithProviders(<ReportSignatureForm agencyId={AGENCY_ID} />);

    // Act
    await user.type(await screen.findByLabelText('ชื่อผู้ลงนาม'), SIGNED.name);
    await user.click(screen.getByRole('button', { name: 'บันทึกผู้ลงนาม' }));

    // Assert
    expect(await screen.findByText(/กรุณากรอกตำแหน่ง/)).toBeInTheDocument();
    expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
  });

  it('when a block is set, then it can be removed with a DELETE', async () => {
    // Arrange
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path, body: { signature: SIGNED } },
      { method: 'DELETE', path, status: 204 },
    ]);
    renderWithProviders(<ReportSignatureForm agencyId={AGENCY_ID} />);

    // Act
    await user.click(await screen.findByRole('button', { name: 'นำส่วนลงนามออก' }));

    // Assert
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE' && call.path === path)).toBe(true));
    expect(await screen.findByRole('status')).toHaveTextContent('นำส่วนลงนามออกแล้ว');
    expect(screen.getByLabelText('ชื่อผู้ลงนาม')).toHaveValue('');
  });
});

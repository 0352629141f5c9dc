import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { ResetPasswordForm } from './reset-password-form';

afterEach(() => vi.unstubAllGlobals());

describe('ResetPasswordForm', () => {
  it('when the code came in the link and a long password is typed, then both are sent and success is reported', async () => {
    const { calls } = mockFetch([{ method: 'POST', path: '/auth/password-reset', status: 204 }]);
    const onSuccess = vi.fn();
    renderWithProviders(<ResetPasswordForm initialCode="abcdefghijklmnop" onSuccess={onSuccess} />, { user: null });

    await userEvent.setup().type(screen.getByLabelText('รหัสผ่านใหม่'), 'a-brand-new-password');
    await userEvent.setup().click(screen.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }));

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({ code: 'abcdefghijklmnop', password: 'a-brand-new-password' });
  });

  it('when the password is short, then the schema message shows and nothing is sent', async () => {
    const { fetchMock } = mockFetch([]);
    renderWithProviders(<ResetPasswordForm initialCode="abcdefghijklmnop" onSuccess={vi.fn()} />, { user: null });

    await userEvent.setup().type(screen.getByLabelText('รหัสผ่านใหม่'), 'short');
    await userEvent.setup().click(screen.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }));

    expect(await screen.findByText('รหัสผ่านต้องยาวอย่างน้อย 12 ตัวอักษร')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the code is used or expired, then the API message is shown', async () => {
    mockFetch([
      {
        method: 'POST',
        path: '/auth/password-reset',
        status: 400,
        body: errorBody('VALIDATION_FAILED', 'รหัสสำหรับตั้งรหัสผ่านใหม่ไม่ถูกต้องหรือหมดอายุแล้ว'),
      },
    ]);
    renderWithProviders(<ResetPasswordForm initialCode="abcdefghijklmnop" onSuccess={vi.fn()} />, { user: null });

    await userEvent.setup().type(screen.getByLabelText('รหัสผ่านใหม่'), 'a-brand-new-password');
    await userEvent.setup().click(screen.getByRole('button', { name: 'ตั้งรหัสผ่านใหม่' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('รหัสสำหรับตั้งรหัสผ่านใหม่ไม่ถูกต้องหรือหมดอายุแล้ว');
  });
});

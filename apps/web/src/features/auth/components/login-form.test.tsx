import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { makeUser } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { LoginForm } from './login-form';

afterEach(() => vi.unstubAllGlobals());

async function fillAndSubmit(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('อีเมล'), email);
  await user.type(screen.getByLabelText('รหัสผ่าน'), password);
  await user.click(screen.getByRole('button', { name: 'เข้าสู่ระบบ' }));
}

describe('LoginForm', () => {
  it('when the password is wrong, then the API’s Thai message is shown', async () => {
    mockFetch([{ method: 'POST', path: '/auth/login', status: 401, body: errorBody('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง') }]);
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />, { user: null });
    await fillAndSubmit('editor@bangsainoi.example', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    expect(onSuccess).not.toHaveBeenCalled();
  });

  it('when rate-limited, then the retry message is shown', async () => {
    mockFetch([
      {
        method: 'POST',
        path: '/auth/login',
        status: 429,
        headers: { 'retry-after': '600' },
        body: errorBody('RATE_LIMITED', 'ทำรายการบ่อยเกินไป กรุณาลองใหม่ในอีก 10 นาที'),
      },
    ]);
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, { user: null });
    await fillAndSubmit('editor@bangsainoi.example', 'whatever');
    expect(await screen.findByRole('alert')).toHaveTextContent('ทำรายการบ่อยเกินไป กรุณาลองใหม่ในอีก 10 นาที');
  });

  it('when the email is not an email, then the schema’s Thai message shows and nothing is sent', async () => {
    const { fetchMock } = mockFetch([]);
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />, { user: null });
    await fillAndSubmit('not-an-email', 'x');
    expect(await screen.findByText('อีเมลไม่ถูกต้อง')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('when the credentials are right, then it reports the signed-in user, with the CSRF header sent', async () => {
    const user = makeUser();
    const { calls } = mockFetch([{ method: 'POST', path: '/auth/login', body: { user } }]);
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />, { user: null });
    await fillAndSubmit('Editor@Bangsainoi.example', 'Prongsai-Demo-2569');
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledWith(user));
    expect(calls[0]?.body).toEqual({ email: 'editor@bangsainoi.example', password: 'Prongsai-Demo-2569' });
    expect(calls[0]?.headers['x-prongsai-csrf']).toBe('1');
  });
});

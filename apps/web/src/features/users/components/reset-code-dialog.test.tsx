import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { UserSchema } from '@prongsai/shared';
import { mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { ResetCodeDialog } from './reset-code-dialog';

afterEach(() => vi.unstubAllGlobals());

const user = UserSchema.parse({
  id: 'e3b0c442-98fc-4c14-9afb-f4c8996fb924',
  email: 'editor@banshong.example',
  name: 'เจ้าหน้าที่ อบต.บ้านซ่ง',
  role: 'agency_editor',
  agencyId: null,
  agencyName: 'องค์การบริหารส่วนตำบลบ้านซ่ง',
  provinceId: 49,
  provinceName: null,
  isActive: true,
  lastLoginAt: null,
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('ResetCodeDialog', () => {
  it('issues a one-time code only when asked, shows it once and copies it', async () => {
    const actor = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: `/users/${user.id}/password-reset`,
        status: 201,
        body: { code: 'ABCD-EFGH-IJKL', expiresAt: '2024-01-02T00:00:00.000Z' },
      },
    ]);
    renderWithProviders(<ResetCodeDialog user={user} onClose={vi.fn()} />);
    expect(calls).toHaveLength(0);
    await actor.click(screen.getByRole('button', { name: 'ออกรหัส' }));
    expect(await screen.findByText('ABCD-EFGH-IJKL')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ method: 'POST' });
    expect(calls[0]?.headers['x-prongsai-csrf']).toBe('1');
    const copy = screen.getByRole('button', { name: 'คัดลอกรหัส' });
    expect(copy).toHaveFocus();
    await actor.click(copy);
    expect(writeText).toHaveBeenCalledWith('ABCD-EFGH-IJKL');
    expect(screen.getByRole('status')).toHaveTextContent('คัดลอกแล้ว');
  });
});

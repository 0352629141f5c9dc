import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import { renderWithProviders } from '@/testing/test-utils';
import { DialogForm } from './dialog-form';

describe('DialogForm', () => {
  it('submits, cancels through onClose, disables submit while pending and shows the server error', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    const onClose = vi.fn();
    const { rerender } = renderWithProviders(
      <DialogForm title="เปลี่ยนบทบาท" onClose={onClose} onSubmit={onSubmit} submitLabel="บันทึกบทบาท" pending={false} error={null}>
        <input aria-label="ชื่อ" />
      </DialogForm>,
    );
    expect(screen.getByRole('dialog', { name: 'เปลี่ยนบทบาท' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'บันทึกบทบาท' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'ยกเลิก' }));
    expect(onClose).toHaveBeenCalledTimes(1);

    rerender(
      <DialogForm
        title="เปลี่ยนบทบาท"
        onClose={onClose}
        onSubmit={onSubmit}
        submitLabel="กำลังบันทึก…"
        pending
        error={new ApiError({ status: 409, code: 'CONFLICT', message: 'มีผู้ใช้อีเมลนี้แล้ว' })}
      >
        <input aria-label="ชื่อ" />
      </DialogForm>,
    );
    expect(screen.getByRole('button', { name: 'กำลังบันทึก…' })).toBeDisabled();
    expect(screen.getByRole('alert')).toHaveTextContent('มีผู้ใช้อีเมลนี้แล้ว');
  });
});

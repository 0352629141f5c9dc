import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { makeMeasure } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { toFormValues } from '../utils/measure-form-values';
import { ConflictView } from './conflict-view';

describe('ConflictView', () => {
  it('when someone else saved first, then it lists each differing field with yours and theirs', async () => {
    const user = userEvent.setup();
    const original = makeMeasure();
    const base = toFormValues(original);
    const yours = { ...base, title: 'ชื่อมาตรการของฉัน', summary: 'สรุปของฉัน' };
    const current = makeMeasure({ version: 4, title: 'ชื่อมาตรการของผู้อื่น', outcome: 'completed', updatedAt: '2023-03-08T02:00:00.000Z' });
    const onReapply = vi.fn();
    const onDiscard = vi.fn();
    renderWithProviders(
      <ConflictView
        base={base}
        yours={yours}
        current={current}
        pending={false}
        onReapply={onReapply}
        onEdit={vi.fn()}
        onDiscard={onDiscard}
      />,
    );

    expect(screen.getByRole('heading', { name: 'มีผู้อื่นบันทึกมาตรการนี้ก่อนคุณ' })).toHaveFocus();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    const title = rows.find((row) => within(row).queryByRole('rowheader', { name: /มาตรการ \/ โครงการ/ }));
    expect(title).toBeDefined();
    expect(within(title!).getByText('ชื่อมาตรการของฉัน')).toBeInTheDocument();
    expect(within(title!).getByText('ชื่อมาตรการของผู้อื่น')).toBeInTheDocument();
    expect(within(title!).getByText('ทั้งคุณและผู้อื่นแก้ไข')).toBeInTheDocument();
    const outcome = rows.find((row) => within(row).queryByRole('rowheader', { name: /ผลลัพธ์/ }));
    expect(within(outcome!).getByText('อยู่ระหว่างดำเนินการ')).toBeInTheDocument();
    expect(within(outcome!).getByText('ดำเนินการแล้วเสร็จ')).toBeInTheDocument();
    expect(within(outcome!).getByText('ผู้อื่นแก้ไข')).toBeInTheDocument();
    expect(screen.getByText('สรุปของฉัน')).toBeInTheDocument();
    // Fields nobody changed are not listed.
    expect(screen.queryByRole('rowheader', { name: /ผู้รับผิดชอบ/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'ใช้การแก้ไขของฉันกับฉบับล่าสุด' }));
    expect(onReapply).toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'ทิ้งการแก้ไขของฉัน' }));
    expect(onDiscard).toHaveBeenCalled();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanStatus, Role } from '@prongsai/shared';
import { mockFetch } from '@/testing/mock-fetch';
import { PLAN_ID, makePlan } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanLifecycle, availableTransitions, isPlanEditable } from './plan-lifecycle';

afterEach(() => vi.unstubAllGlobals());

const buttonsFor = (role: Role, status: PlanStatus) => {
  const { unmount } = renderWithProviders(<PlanLifecycle plan={makePlan({ status })} role={role} />);
  const names = screen.queryAllByRole('button').map((button) => button.textContent);
  unmount();
  return names;
};

describe('PlanLifecycle', () => {
  it('shows each role only the steps it may take from the status', () => {
    expect(buttonsFor('agency_editor', 'draft')).toEqual(['ส่งแผนให้จังหวัดตรวจสอบ']);
    expect(buttonsFor('agency_editor', 'submitted')).toEqual(['ถอนการส่ง']);
    expect(buttonsFor('agency_editor', 'accepted')).toEqual(['เผยแพร่', 'ขอเปิดแผนเพื่อแก้ไข']);
    expect(buttonsFor('agency_editor', 'published')).toEqual(['ขอเปิดแผนเพื่อแก้ไข']);
    expect(buttonsFor('provincial_reviewer', 'submitted')).toEqual(['อนุมัติแผน', 'ส่งกลับให้แก้ไข', 'แสดงความเห็นต่อแผน']);
    expect(buttonsFor('provincial_reviewer', 'published')).toEqual(['เปิดให้แก้ไขอีกครั้ง', 'แสดงความเห็นต่อแผน']);
    expect(isPlanEditable('agency_editor', 'returned')).toBe(true);
    expect(isPlanEditable('provincial_reviewer', 'draft')).toBe(false);
    expect(availableTransitions(undefined, 'draft').submit).toBe(false);
  });

  it('returns a plan with a required reason and the plan version', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'POST', path: `/plans/${PLAN_ID}/return`, body: makePlan({ status: 'returned', version: 3 }) }]);
    const onTransition = vi.fn();
    renderWithProviders(
      <PlanLifecycle plan={makePlan({ status: 'submitted', version: 2 })} role="provincial_reviewer" onTransition={onTransition} />,
    );
    await user.click(screen.getByRole('button', { name: 'ส่งกลับให้แก้ไข' }));
    await user.click(screen.getByRole('button', { name: 'ยืนยันส่งกลับ' }));
    expect(await screen.findByText('กรุณากรอกข้อความ')).toBeInTheDocument();
    await user.type(screen.getByLabelText('เหตุผล'), 'มาตรการที่ 3 ยังไม่มีหลักฐาน');
    await user.click(screen.getByRole('button', { name: 'ยืนยันส่งกลับ' }));
    await vi.waitFor(() => expect(onTransition).toHaveBeenCalledWith('return'));
    expect(calls[0]?.body).toEqual({ version: 2, reason: 'มาตรการที่ 3 ยังไม่มีหลักฐาน' });
  });

  it('an editor asks the province to reopen a published plan with a reason', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'POST', path: `/plans/${PLAN_ID}/reopen-request`, body: { notified: 2 } }]);
    const onTransition = vi.fn();
    renderWithProviders(
      <PlanLifecycle plan={makePlan({ status: 'published', version: 4 })} role="agency_editor" onTransition={onTransition} />,
    );
    await user.click(screen.getByRole('button', { name: 'ขอเปิดแผนเพื่อแก้ไข' }));
    await user.type(screen.getByLabelText('เหตุผล'), 'ต้องแก้ผู้รับผิดชอบหลังปรับโครงสร้าง');
    await user.click(screen.getByRole('button', { name: 'ส่งคำขอ' }));
    await vi.waitFor(() => expect(onTransition).toHaveBeenCalledWith('requestReopen'));
    expect(calls[0]?.body).toEqual({ reason: 'ต้องแก้ผู้รับผิดชอบหลังปรับโครงสร้าง' });
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch } from '@/testing/mock-fetch';
import { PLAN_ID, makeMeasure, makePlan } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanLifecycle } from './plan-lifecycle';

afterEach(() => vi.unstubAllGlobals());

/** Two measures whose sequences have a gap (1 and 3): the second is shown as measure 2. */
const planWithWarnings = () =>
  makePlan({
    status: 'draft',
    version: 4,
    measures: [makeMeasure({ sequence: 1 }), makeMeasure({ id: '33333333-3333-4333-8333-333333333333', sequence: 3 })],
    warnings: [
      { code: 'copied_text', message: 'ข้อความซ้ำกับปีก่อน', sequence: 3 },
      { code: 'no_intro', message: 'ยังไม่มีบทนำของแผน', sequence: null },
    ],
  });

describe('submitting a plan', () => {
  it("when the plan has open warnings, then the confirmation lists them with their measure numbers and 'ส่งแผน' submits with the version", async () => {
    // Arrange
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { method: 'POST', path: `/plans/${PLAN_ID}/submit`, body: makePlan({ status: 'submitted', version: 5 }) },
    ]);
    const onTransition = vi.fn();
    renderWithProviders(<PlanLifecycle plan={planWithWarnings()} role="agency_editor" onTransition={onTransition} />);

    // Act
    await user.click(screen.getByRole('button', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' }));

    // Assert: nothing sent yet; the dialog lists both warnings
    const dialog = screen.getByRole('dialog', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' });
    expect(calls).toHaveLength(0);
    expect(dialog).toHaveTextContent('ยังมีคำเตือนคุณภาพ 2 รายการ');
    const items = within(dialog)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual(['มาตรการที่ 2: ข้อความซ้ำกับปีก่อน', 'ยังไม่มีบทนำของแผน']);

    await user.click(within(dialog).getByRole('button', { name: 'ส่งแผน' }));
    await vi.waitFor(() => expect(onTransition).toHaveBeenCalledWith('submit'));
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([['POST', `/plans/${PLAN_ID}/submit`, { version: 4 }]]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it("when the plan has no warnings, then a short confirmation, and 'ยกเลิก' closes it without submitting", async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([]);
    renderWithProviders(<PlanLifecycle plan={makePlan({ status: 'returned' })} role="agency_editor" />);

    await user.click(screen.getByRole('button', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' }));
    const dialog = screen.getByRole('dialog', { name: 'ส่งแผนให้จังหวัดตรวจสอบ' });
    expect(dialog).toHaveTextContent('แผนนี้ไม่มีคำเตือนคุณภาพ');
    expect(within(dialog).queryByRole('list')).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'ยกเลิก' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });
});

describe('withdrawing a submission', () => {
  it('when an editor confirms, then the plan is withdrawn with its version', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'POST', path: `/plans/${PLAN_ID}/withdraw`, body: makePlan({ status: 'draft', version: 3 }) }]);
    const onTransition = vi.fn();
    renderWithProviders(
      <PlanLifecycle plan={makePlan({ status: 'submitted', version: 2 })} role="agency_editor" onTransition={onTransition} />,
    );

    await user.click(screen.getByRole('button', { name: 'ถอนการส่ง' }));
    const dialog = screen.getByRole('dialog', { name: 'ถอนการส่งแผน' });
    expect(dialog).toHaveTextContent('แผนจะกลับเป็นร่าง');
    expect(calls).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'ถอนการส่ง' }));

    await vi.waitFor(() => expect(onTransition).toHaveBeenCalledWith('withdraw'));
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([['POST', `/plans/${PLAN_ID}/withdraw`, { version: 2 }]]);
  });

  it('when a reviewer acted meanwhile (409), then the dialog stays open with the error', async () => {
    const user = userEvent.setup();
    mockFetch([
      {
        method: 'POST',
        path: `/plans/${PLAN_ID}/withdraw`,
        status: 409,
        body: { error: { code: 'INVALID_STATE', message: 'ทำรายการนี้ไม่ได้ขณะแผนมีสถานะ "อนุมัติแล้ว"' } },
      },
    ]);
    renderWithProviders(<PlanLifecycle plan={makePlan({ status: 'submitted' })} role="agency_editor" />);

    await user.click(screen.getByRole('button', { name: 'ถอนการส่ง' }));
    const dialog = screen.getByRole('dialog', { name: 'ถอนการส่งแผน' });
    await user.click(within(dialog).getByRole('button', { name: 'ถอนการส่ง' }));

    expect(await within(dialog).findByText(/อนุมัติแล้ว/)).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'ถอนการส่งแผน' })).toBeInTheDocument();
  });

  it('when a reviewer looks at a submitted plan, then there is no withdraw button', () => {
    renderWithProviders(<PlanLifecycle plan={makePlan({ status: 'submitted' })} role="provincial_reviewer" />);
    expect(screen.queryByRole('button', { name: 'ถอนการส่ง' })).not.toBeInTheDocument();
  });
});

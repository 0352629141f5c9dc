import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QualityWarning } from '@prongsai/shared';
import { mockFetch } from '@/testing/mock-fetch';
import { PLAN_ID, makeMeasure, makePlan } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanLifecycle } from './plan-lifecycle';

afterEach(() => vi.unstubAllGlobals());

const OTHER_AGENCY: QualityWarning = {
  code: 'OTHER_AGENCY_MENTION',
  sequence: 1,
  message: 'มาตรการที่ 1 กล่าวถึง "เทศบาลตำบลหนองแสง" …',
  params: { sequence: 1, name: 'เทศบาลตำบลหนองแสง', agency: 'องค์การบริหารส่วนตำบลทดสอบ' },
};
const OUTSIDE: QualityWarning = {
  code: 'DATE_OUTSIDE_FISCAL_YEAR',
  sequence: 3,
  message: 'วันที่ดำเนินการของมาตรการที่ 3 …',
  params: { sequence: 3, date: '2022-03-07', datePrecision: 'day', fiscalYear: 2567, start: '2023-10-01', end: '2024-09-30' },
};
const NO_EVIDENCE: QualityWarning = { code: 'NO_EVIDENCE', sequence: 1, message: 'ไม่มีหลักฐาน', params: { sequence: 1 } };
/** A copy that does not name the agency it came from: an ordinary warning, not acknowledged. */
const PLAIN_COPY: QualityWarning = {
  code: 'COPIED_FROM_OTHER_AGENCY',
  sequence: 3,
  message: 'ตรงกับ…',
  params: { sequence: 3, kind: 'first' },
};

const AGENCY_REASON = 'เทศบาลตำบลหนองแสงเป็นภาคีที่ร่วมจัดกิจกรรมจริง';
const DATE_REASON = 'ดำเนินการล่วงหน้าตามมติสภาก่อนเริ่มปีงบประมาณ';

/** Measures 1 and 3 (a gap): measure 3 is the second row, shown as measure 2. */
const submittedPlan = (warnings: QualityWarning[]) =>
  makePlan({
    status: 'submitted',
    version: 6,
    measures: [makeMeasure({ sequence: 1 }), makeMeasure({ id: '33333333-3333-4333-8333-333333333333', sequence: 3 })],
    warnings,
  });

describe('acknowledging serious warnings', () => {
  it('when a reviewer accepts a plan with serious warnings, then each is listed in words with a required reason, checked before anything is sent, and the reasons go with the acceptance', async () => {
    // Arrange
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'POST', path: `/plans/${PLAN_ID}/accept`, body: makePlan({ status: 'accepted', version: 7 }) }]);
    const onTransition = vi.fn();
    renderWithProviders(
      <PlanLifecycle
        plan={submittedPlan([OTHER_AGENCY, NO_EVIDENCE, OUTSIDE, PLAIN_COPY])}
        role="provincial_reviewer"
        onTransition={onTransition}
      />,
    );

    // Act: open, then confirm with nothing typed
    await user.click(screen.getByRole('button', { name: 'อนุมัติแผน' }));
    const dialog = screen.getByRole('dialog', { name: 'อนุมัติแผนที่มีคำเตือนร้ายแรง' });
    const agencyReason = within(dialog).getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 1: ชื่อหน่วยงานอื่น)' });
    const dateReason = within(dialog).getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 2: วันที่นอกปีงบประมาณ)' });
    expect(within(dialog).getAllByRole('textbox')).toHaveLength(2);
    expect(dialog).toHaveTextContent('คำเตือนร้ายแรง 2 รายการ');
    expect(dialog).toHaveTextContent('กล่าวถึง “เทศบาลตำบลหนองแสง” ซึ่งไม่ใช่องค์การบริหารส่วนตำบลทดสอบ');
    expect(dialog).toHaveTextContent('วันที่ดำเนินการ (7 มีนาคม 2565) อยู่นอกปีงบประมาณ พ.ศ. 2567');
    expect(dialog).not.toHaveTextContent('ไม่มีหลักฐาน');
    // The warning is read with its reason field.
    expect(agencyReason.getAttribute('aria-describedby')).toMatch(/warning-0/);
    await user.click(within(dialog).getByRole('button', { name: 'รับทราบและอนุมัติแผน' }));

    // Assert: nothing sent; both fields marked; focus on the first
    expect(calls).toHaveLength(0);
    expect(agencyReason).toHaveAttribute('aria-invalid', 'true');
    expect(dateReason).toHaveAttribute('aria-invalid', 'true');
    expect(agencyReason).toHaveFocus();
    expect(within(dialog).getAllByText('กรุณาระบุเหตุผลยาว 10–500 ตัวอักษร')).toHaveLength(2);

    // Act: by keyboard only — type, Tab to the next reason, type, Tab to the confirm button, Enter
    await user.keyboard(`  ${AGENCY_REASON}  `);
    await user.tab();
    expect(dateReason).toHaveFocus();
    await user.keyboard('สั้น');
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'รับทราบและอนุมัติแผน' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(calls).toHaveLength(0);
    expect(agencyReason).not.toHaveAttribute('aria-invalid');
    expect(dateReason).toHaveFocus();
    await user.clear(dateReason);
    await user.keyboard(DATE_REASON);
    await user.keyboard('{Tab}{Enter}');

    // Assert: one acceptance, with both acknowledgements (trimmed), then the dialog closes
    await vi.waitFor(() => expect(onTransition).toHaveBeenCalledWith('accept'));
    expect(calls.map((call) => [call.method, call.path, call.body])).toEqual([
      [
        'POST',
        `/plans/${PLAN_ID}/accept`,
        {
          version: 6,
          acknowledgements: [
            { code: 'OTHER_AGENCY_MENTION', sequence: 1, reason: AGENCY_REASON },
            { code: 'DATE_OUTSIDE_FISCAL_YEAR', sequence: 3, reason: DATE_REASON },
          ],
        },
      ],
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('when a plan has only ordinary warnings, then accepting sends at once without a dialog', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'POST', path: `/plans/${PLAN_ID}/accept`, body: makePlan({ status: 'accepted', version: 7 }) }]);
    renderWithProviders(<PlanLifecycle plan={submittedPlan([NO_EVIDENCE, PLAIN_COPY])} role="provincial_reviewer" />);

    await user.click(screen.getByRole('button', { name: 'อนุมัติแผน' }));

    await vi.waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ version: 6 });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('when an editor publishes and the server names open serious warnings, then they are listed with what to do, and no reason is asked', async () => {
    const user = userEvent.setup();
    mockFetch([
      {
        method: 'POST',
        path: `/plans/${PLAN_ID}/publish`,
        status: 422,
        body: {
          error: {
            code: 'SERIOUS_WARNINGS_UNACKNOWLEDGED',
            message: 'แผนนี้มีคำเตือนร้ายแรง 1 รายการที่ผู้ตรวจสอบยังไม่ได้รับทราบพร้อมเหตุผล',
            warnings: [OUTSIDE],
          },
        },
      },
    ]);
    renderWithProviders(<PlanLifecycle plan={{ ...submittedPlan([OUTSIDE]), status: 'accepted' }} role="agency_editor" />);

    await user.click(screen.getByRole('button', { name: 'เผยแพร่' }));

    const open = await screen.findByRole('region', { name: 'คำเตือนร้ายแรงที่ยังไม่มีผู้ตรวจสอบรับทราบ' });
    expect(open).toHaveTextContent('มาตรการที่ 2: วันที่ดำเนินการ (7 มีนาคม 2565)');
    expect(document.body).toHaveTextContent('ขอให้ผู้ตรวจสอบของจังหวัดรับทราบคำเตือนพร้อมเหตุผลก่อนเผยแพร่');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('when an admin publishes and the server names an open serious warning, then the dialog asks for its reason and publishes with it', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      {
        method: 'POST',
        path: `/plans/${PLAN_ID}/publish`,
        status: 422,
        once: true,
        body: { error: { code: 'SERIOUS_WARNINGS_UNACKNOWLEDGED', message: 'มีคำเตือนร้ายแรง', warnings: [OUTSIDE] } },
      },
      { method: 'POST', path: `/plans/${PLAN_ID}/publish`, body: makePlan({ status: 'published', version: 7 }) },
    ]);
    renderWithProviders(<PlanLifecycle plan={{ ...submittedPlan([OUTSIDE]), status: 'accepted' }} role="national_admin" />);

    await user.click(screen.getByRole('button', { name: 'เผยแพร่' }));
    const dialog = await screen.findByRole('dialog', { name: 'เผยแพร่แผนที่มีคำเตือนร้ายแรง' });
    await user.type(within(dialog).getByRole('textbox', { name: 'เหตุผลที่รับทราบ (มาตรการที่ 2: วันที่นอกปีงบประมาณ)' }), DATE_REASON);
    await user.click(within(dialog).getByRole('button', { name: 'รับทราบและเผยแพร่' }));

    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.body).toEqual({
      version: 6,
      acknowledgements: [{ code: 'DATE_OUTSIDE_FISCAL_YEAR', sequence: 3, reason: DATE_REASON }],
    });
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});

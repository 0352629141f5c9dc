import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanDetail } from '@prongsai/shared';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { AGENCY_ID, PLAN_ID, makePlan } from '@/testing/factories';
import { createTestQueryClient, renderWithProviders } from '@/testing/test-utils';
import { usePlan } from '../api/get-plan';
import { planKeys } from '../api/plan-keys';
import { PlanIntro } from './plan-intro';

afterEach(() => vi.unstubAllGlobals());

/** The intro as the plan page renders it: from the plan cache, so cache updates show. */
function Intro({ editable }: { editable: boolean }) {
  const plan = usePlan(AGENCY_ID, 2566);
  return plan.data ? <PlanIntro plan={plan.data} editable={editable} /> : null;
}

function renderIntro(plan: PlanDetail, { editable = true }: { editable?: boolean } = {}) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(planKeys.detail(AGENCY_ID, 2566), plan);
  return renderWithProviders(<Intro editable={editable} />, { queryClient });
}

const editButton = () => screen.getByRole('button', { name: 'แก้ไขคำนำ' });
const textbox = () => screen.getByRole('textbox', { name: 'คำนำ' });

describe('PlanIntro', () => {
  it('when I edit and save, then it sends the trimmed text with the version and shows the new text', async () => {
    const user = userEvent.setup();
    const { fetchMock, calls } = mockFetch([
      { method: 'PATCH', path: `/plans/${PLAN_ID}`, body: makePlan({ version: 3, introText: 'คำนำฉบับใหม่' }) },
    ]);
    // Hold the answer back to see the save in progress.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
      await held;
      return fetchMock(...args);
    });
    renderIntro(makePlan({ version: 2, introText: 'คำนำเดิม' }));
    expect(screen.getByText('คำนำเดิม')).toBeInTheDocument();

    await user.click(editButton());
    expect(textbox()).toHaveFocus();
    expect(textbox()).toHaveValue('คำนำเดิม');
    await user.clear(textbox());
    await user.type(textbox(), 'คำนำฉบับใหม่  ');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(screen.getByRole('button', { name: 'บันทึก' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('กำลังบันทึก…');
    release();

    expect(await screen.findByText('บันทึกคำนำแล้ว')).toBeInTheDocument();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ method: 'PATCH', body: { version: 2, introText: 'คำนำฉบับใหม่' } });
    expect(screen.getByText('คำนำฉบับใหม่')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(editButton()).toHaveFocus();
  });

  it('when I clear the text, then it sends null', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([{ method: 'PATCH', path: `/plans/${PLAN_ID}`, body: makePlan({ version: 2, introText: null }) }]);
    renderIntro(makePlan({ introText: 'คำนำเดิม' }));
    await user.click(editButton());
    await user.clear(textbox());
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('บันทึกคำนำแล้ว')).toBeInTheDocument();
    expect(calls[0]?.body).toEqual({ version: 1, introText: null });
    expect(screen.getByText(/^ยังไม่มีคำนำ/)).toBeInTheDocument();
  });

  it('when I cancel, or press Escape, then the text is restored, nothing is sent and focus returns to the button', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([]);
    renderIntro(makePlan({ introText: 'คำนำเดิม' }));

    await user.click(editButton());
    await user.type(textbox(), ' เพิ่มเติม');
    await user.click(screen.getByRole('button', { name: 'ยกเลิก' }));
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('คำนำเดิม')).toBeInTheDocument();
    expect(editButton()).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(textbox()).toHaveValue('คำนำเดิม');
    await user.type(textbox(), ' อีก');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('คำนำเดิม')).toBeInTheDocument();
    expect(editButton()).toHaveFocus();
    expect(calls).toHaveLength(0);
  });

  it('counts characters against the limit and does not send a text over it', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([]);
    renderIntro(makePlan({ introText: null }));
    await user.click(editButton());
    expect(screen.getByText('0 / 5,000 ตัวอักษร')).toBeInTheDocument();
    await user.type(textbox(), 'คำนำ');
    expect(screen.getByText('4 / 5,000 ตัวอักษร')).toBeInTheDocument();

    await user.clear(textbox());
    await user.paste('ก'.repeat(5001));
    expect(screen.getByText('5,001 / 5,000 ตัวอักษร')).toBeInTheDocument();
    expect(textbox()).toHaveAttribute('aria-invalid', 'true');
    expect(textbox()).toHaveAccessibleDescription(expect.stringContaining('คำนำยาวได้ไม่เกิน 5,000 ตัวอักษร'));
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(calls).toHaveLength(0);
    expect(textbox()).toHaveFocus();

    await user.keyboard('{Backspace}');
    expect(screen.getByText('5,000 / 5,000 ตัวอักษร')).toBeInTheDocument();
    expect(textbox()).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByText(/ยาวได้ไม่เกิน/)).not.toBeInTheDocument();
  });

  it('when the save hits VERSION_CONFLICT, then it shows the latest text and re-applies mine on the latest version', async () => {
    const user = userEvent.setup();
    const theirs = makePlan({ version: 4, introText: 'คำนำที่ผู้อื่นบันทึก' });
    const { calls } = mockFetch([
      {
        method: 'PATCH',
        path: `/plans/${PLAN_ID}`,
        status: 409,
        once: true,
        body: errorBody('VERSION_CONFLICT', 'แผนนี้ถูกแก้ไขโดยผู้อื่นแล้ว กรุณาโหลดข้อมูลล่าสุด', { current: { version: 4 } }),
      },
      { path: `/plans/${PLAN_ID}`, body: theirs },
      { method: 'PATCH', path: `/plans/${PLAN_ID}`, body: makePlan({ version: 5, introText: 'คำนำของฉัน' }) },
    ]);
    renderIntro(makePlan({ version: 3, introText: 'คำนำเดิม' }));
    await user.click(editButton());
    await user.clear(textbox());
    await user.type(textbox(), 'คำนำของฉัน');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));

    const heading = await screen.findByRole('heading', { name: 'มีผู้อื่นบันทึกคำนำก่อนคุณ' });
    expect(heading).toHaveFocus();
    expect(screen.getByText('คำนำที่ผู้อื่นบันทึก')).toBeInTheDocument();
    expect(textbox()).toHaveValue('คำนำของฉัน');
    // The conflict is explained by the conflict box, not also as an error.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'ใช้การแก้ไขของฉันกับฉบับล่าสุด' }));
    expect(await screen.findByText('บันทึกคำนำแล้ว')).toBeInTheDocument();
    const patches = calls.filter((call) => call.method === 'PATCH');
    expect(patches.map((call) => call.body)).toEqual([
      { version: 3, introText: 'คำนำของฉัน' },
      { version: 4, introText: 'คำนำของฉัน' },
    ]);
    expect(screen.getByText('คำนำของฉัน')).toBeInTheDocument();
  });

  it('when I discard my text after a conflict, then the latest text is shown and nothing more is sent', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      {
        method: 'PATCH',
        path: `/plans/${PLAN_ID}`,
        status: 409,
        body: errorBody('VERSION_CONFLICT', 'แผนนี้ถูกแก้ไขโดยผู้อื่นแล้ว', { current: { version: 4 } }),
      },
      { path: `/plans/${PLAN_ID}`, body: makePlan({ version: 4, introText: 'คำนำที่ผู้อื่นบันทึก' }) },
    ]);
    renderIntro(makePlan({ version: 3, introText: 'คำนำเดิม' }));
    await user.click(editButton());
    await user.type(textbox(), ' ของฉัน');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    await user.click(await screen.findByRole('button', { name: 'ทิ้งการแก้ไขของฉัน' }));

    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.getByText('คำนำที่ผู้อื่นบันทึก')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('ทิ้งการแก้ไขของคุณแล้ว แสดงฉบับล่าสุด');
    expect(editButton()).toHaveFocus();
    expect(calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
  });

  it('when the plan was submitted meanwhile, then the server’s message is shown and the editor closes', async () => {
    const user = userEvent.setup();
    const message = 'แผนนี้ไม่อยู่ในสถานะที่แก้ไขได้ (แก้ไขได้เฉพาะแผนร่างหรือแผนที่ถูกส่งกลับ)';
    mockFetch([
      { method: 'PATCH', path: `/plans/${PLAN_ID}`, status: 409, body: errorBody('INVALID_STATE', message) },
      { path: /\/agencies\/.+\/plans\/2566$/, body: makePlan({ status: 'submitted', version: 2, introText: 'คำนำเดิม' }) },
    ]);
    const { rerender } = renderIntro(makePlan({ introText: 'คำนำเดิม' }));
    await user.click(editButton());
    await user.type(textbox(), ' ต่อ');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    // The page decides editability from the refetched plan; here the parent stops passing `editable`.
    rerender(<Intro editable={false} />);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'แก้ไขคำนำ' })).not.toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent(message);
  });

  it('shows an empty-state hint only to those who may edit, and no button to others', () => {
    renderIntro(makePlan({ introText: null }));
    expect(screen.getByText('ยังไม่มีคำนำ ไฟล์ Word และฉบับพิมพ์จะใช้คำนำมาตรฐาน กด “แก้ไขคำนำ” เพื่อเขียนคำนำของหน่วยงานเอง')).toBeInTheDocument();
    expect(editButton()).toBeInTheDocument();
  });

  it('when the plan is not editable, then there is no button and no hint, only the text', () => {
    const { unmount } = renderIntro(makePlan({ introText: null }), { editable: false });
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByText(/ยังไม่มีคำนำ/)).not.toBeInTheDocument();
    unmount();

    renderIntro(makePlan({ status: 'published', introText: 'คำนำที่เผยแพร่' }), { editable: false });
    expect(screen.getByText('คำนำที่เผยแพร่')).toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('speaks English in English', async () => {
    const user = userEvent.setup();
    mockFetch([]);
    const queryClient = createTestQueryClient();
    queryClient.setQueryData(planKeys.detail(AGENCY_ID, 2566), makePlan({ introText: null }));
    renderWithProviders(<Intro editable />, { queryClient, lang: 'en' });
    await user.click(screen.getByRole('button', { name: 'Edit introduction' }));
    expect(screen.getByRole('textbox', { name: 'Introduction' })).toBeInTheDocument();
    expect(screen.getByText('0 / 5,000 characters')).toBeInTheDocument();
  });
});

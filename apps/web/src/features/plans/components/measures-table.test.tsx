import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PlanDetail } from '@prongsai/shared';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { MEASURE_ID, MEASURE_ID_2, makeMeasure, makePlan } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { usePlan } from '../api/get-plan';
import { MeasuresTable } from './measures-table';

afterEach(() => vi.unstubAllGlobals());

function Table({ editable = true }: { editable?: boolean }) {
  const plan = usePlan('5b7a3c2e-8a51-4c1e-9a43-0f7d3b0f6a11', 2566);
  if (!plan.data) return null;
  return <MeasuresTable plan={plan.data} editable={editable} canComment={false} onDeleted={vi.fn()} />;
}

const twoMeasures = (): PlanDetail =>
  makePlan({
    measures: [
      makeMeasure({ id: MEASURE_ID, sequence: 1, title: 'มาตรการแรก' }),
      makeMeasure({
        id: MEASURE_ID_2,
        sequence: 2,
        title: 'มาตรการสอง',
        carriedOut: { date: '2023-01-01', precision: 'month' },
        outcome: 'planned',
      }),
    ],
  });

const rowTitles = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getByText(/^มาตรการ(แรก|สอง)$/).textContent);

describe('MeasuresTable', () => {
  it('shows the report columns, numbered sub-actions, indicator chips and month-only dates without a day', async () => {
    mockFetch([{ path: /\/agencies\/.+\/plans\/2566$/, body: twoMeasures() }]);
    renderWithProviders(<Table editable={false} />, { digits: 'thai' });
    expect(await screen.findByRole('columnheader', { name: 'ลำดับที่' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'ระยะเวลาในการดำเนินการ' })).toBeInTheDocument();
    expect(screen.getAllByText('O11 · แผนดำเนินงานและการใช้งบประมาณประจำปี')).toHaveLength(2);
    expect(screen.getAllByText('๑.')[0]).toBeInTheDocument();
    expect(screen.getByText('ดำเนินการเมื่อ มกราคม ๒๕๖๖')).toBeInTheDocument();
    expect(screen.queryByText(/๑ มกราคม/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /เลื่อนขึ้น/ })).not.toBeInTheDocument();
  });

  it('when an outcome change fails, then the optimistic change is rolled back and the error shown', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: /\/agencies\/.+\/plans\/2566$/, body: twoMeasures() },
      { method: 'PATCH', path: `/measures/${MEASURE_ID}`, status: 409, body: errorBody('INVALID_STATE', 'แผนนี้ส่งตรวจสอบแล้ว แก้ไขไม่ได้') },
    ]);
    renderWithProviders(<Table />);
    const select = await screen.findByRole('combobox', { name: 'ผลลัพธ์ของมาตรการที่ 1' });
    expect(select).toHaveValue('in_progress');
    await user.selectOptions(select, 'completed');
    expect(await screen.findByRole('alert')).toHaveTextContent('แผนนี้ส่งตรวจสอบแล้ว แก้ไขไม่ได้');
    expect(screen.getByRole('combobox', { name: 'ผลลัพธ์ของมาตรการที่ 1' })).toHaveValue('in_progress');
  });

  it('when "could not be carried out" is chosen without a reason, then a dialog asks for one before saving', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: /\/agencies\/.+\/plans\/2566$/, body: twoMeasures() },
      {
        method: 'PATCH',
        path: `/measures/${MEASURE_ID}`,
        body: makeMeasure({ outcome: 'not_carried_out', outcomeReason: 'ไม่มีงบประมาณ', version: 4 }),
      },
    ]);
    renderWithProviders(<Table />);
    await user.selectOptions(await screen.findByRole('combobox', { name: 'ผลลัพธ์ของมาตรการที่ 1' }), 'not_carried_out');
    const dialog = await screen.findByRole('dialog');
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);
    await user.type(within(dialog).getByRole('textbox', { name: 'เหตุผลที่ไม่สามารถดำเนินการได้' }), 'ไม่มีงบประมาณ');
    await user.click(within(dialog).getByRole('button', { name: 'บันทึก' }));
    await vi.waitFor(() =>
      expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({
        version: 3,
        outcome: 'not_carried_out',
        outcomeReason: 'ไม่มีงบประมาณ',
      }),
    );
  });

  it('moves a measure down at once, keeps focus on it, and sends the new order', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: /\/agencies\/.+\/plans\/2566$/, body: twoMeasures() },
      {
        method: 'PUT',
        path: /\/plans\/.+\/measure-order$/,
        body: makePlan({
          measures: [
            makeMeasure({ id: MEASURE_ID_2, sequence: 1, title: 'มาตรการสอง' }),
            makeMeasure({ id: MEASURE_ID, sequence: 2, title: 'มาตรการแรก' }),
          ],
        }),
      },
    ]);
    renderWithProviders(<Table />);
    await screen.findByRole('button', { name: 'เลื่อนลง มาตรการที่ 1' });
    expect(rowTitles()).toEqual(['มาตรการแรก', 'มาตรการสอง']);
    await user.click(screen.getByRole('button', { name: 'เลื่อนลง มาตรการที่ 1' }));
    expect(rowTitles()).toEqual(['มาตรการสอง', 'มาตรการแรก']);
    await vi.waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ measureIds: [MEASURE_ID_2, MEASURE_ID] });
    // At the bottom edge "move down" is disabled, so focus stays on the row via "move up".
    await vi.waitFor(() => expect(document.activeElement).toHaveAccessibleName('เลื่อนขึ้น มาตรการที่ 2'));
  });

  it('when reordering fails, then the order is rolled back', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: /\/agencies\/.+\/plans\/2566$/, body: twoMeasures() },
      { method: 'PUT', path: /\/plans\/.+\/measure-order$/, status: 500, body: errorBody('INTERNAL', 'เกิดข้อผิดพลาดในระบบ') },
    ]);
    renderWithProviders(<Table />);
    await user.click(await screen.findByRole('button', { name: 'เลื่อนลง มาตรการที่ 1' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('เกิดข้อผิดพลาดในระบบ');
    expect(rowTitles()).toEqual(['มาตรการแรก', 'มาตรการสอง']);
  });
});

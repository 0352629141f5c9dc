import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { errorBody, mockFetch } from '@/testing/mock-fetch';
import { MEASURE_ID, makeCodebook, makeMeasure } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { MeasureEditor } from './measure-editor';

afterEach(() => vi.unstubAllGlobals());

describe('MeasureEditor', () => {
  it('saves only the changed fields with the version it was based on', async () => {
    const user = userEvent.setup();
    const measure = makeMeasure({ version: 3 });
    const { calls } = mockFetch([
      { path: '/codebooks/2566', body: makeCodebook(2566) },
      { method: 'PATCH', path: `/measures/${MEASURE_ID}`, body: makeMeasure({ version: 4, summary: 'สรุปใหม่' }) },
    ]);
    renderWithProviders(<MeasureEditor measure={measure} fiscalYear={2566} readOnly={false} />);
    const summary = screen.getByLabelText('สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม');
    await user.clear(summary);
    await user.type(summary, 'สรุปใหม่');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.body).toEqual({ version: 3, summary: 'สรุปใหม่' });
  });

  it('when the save hits VERSION_CONFLICT, then it shows the differences and re-applies my change on the new version', async () => {
    const user = userEvent.setup();
    const measure = makeMeasure({ version: 3 });
    const theirs = makeMeasure({ version: 5, outcome: 'completed', title: 'ชื่อที่ผู้อื่นแก้' });
    const { calls } = mockFetch([
      { path: '/codebooks/2566', body: makeCodebook(2566) },
      {
        method: 'PATCH',
        path: `/measures/${MEASURE_ID}`,
        status: 409,
        once: true,
        body: errorBody('VERSION_CONFLICT', 'มีผู้อื่นแก้ไขมาตรการนี้แล้ว', { current: theirs }),
      },
      {
        method: 'PATCH',
        path: `/measures/${MEASURE_ID}`,
        body: makeMeasure({ version: 6, outcome: 'completed', title: 'ชื่อที่ผู้อื่นแก้', summary: 'สรุปของฉัน' }),
      },
    ]);
    renderWithProviders(<MeasureEditor measure={measure} fiscalYear={2566} readOnly={false} />);
    const summary = screen.getByLabelText('สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม');
    await user.clear(summary);
    await user.type(summary, 'สรุปของฉัน');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));

    expect(await screen.findByRole('heading', { name: 'มีผู้อื่นบันทึกมาตรการนี้ก่อนคุณ' })).toBeInTheDocument();
    expect(screen.getByText('สรุปของฉัน')).toBeInTheDocument();
    expect(screen.getByText('ชื่อที่ผู้อื่นแก้')).toBeInTheDocument();
    expect(screen.getByText('ดำเนินการแล้วเสร็จ')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'ใช้การแก้ไขของฉันกับฉบับล่าสุด' }));
    expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
    const patches = calls.filter((call) => call.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]?.body).toEqual({ version: 5, summary: 'สรุปของฉัน' });
    // The form now shows the merged, saved version.
    expect(screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม')).toHaveValue('ชื่อที่ผู้อื่นแก้');
  });

  it('when I discard my changes after a conflict, then the form shows their version and nothing is sent', async () => {
    const user = userEvent.setup();
    const theirs = makeMeasure({ version: 5, summary: 'สรุปของผู้อื่น' });
    const { calls } = mockFetch([
      { path: '/codebooks/2566', body: makeCodebook(2566) },
      { method: 'PATCH', path: `/measures/${MEASURE_ID}`, status: 409, body: errorBody('VERSION_CONFLICT', 'ชนกัน', { current: theirs }) },
    ]);
    renderWithProviders(<MeasureEditor measure={makeMeasure({ version: 3 })} fiscalYear={2566} readOnly={false} />);
    const summary = screen.getByLabelText('สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม');
    await user.clear(summary);
    await user.type(summary, 'สรุปของฉัน');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    await user.click(await screen.findByRole('button', { name: 'ทิ้งการแก้ไขของฉัน' }));
    expect(screen.getByLabelText('สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม')).toHaveValue('สรุปของผู้อื่น');
    expect(calls.filter((call) => call.method === 'PATCH')).toHaveLength(1);
  });
});

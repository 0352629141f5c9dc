import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AuditListResponseSchema, type QualityWarning } from '@prongsai/shared';
import { MEASURE_ID, PLAN_ID } from '@/testing/factories';
import { mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { EntityHistory, fieldChanges } from './entity-history';

afterEach(() => vi.unstubAllGlobals());

describe('measure history', () => {
  it('reads both field diffs and create snapshots, hiding bookkeeping fields', () => {
    expect(fieldChanges({ outcome: { from: 'planned', to: 'completed' }, version: { from: 1, to: 2 } })).toEqual([
      { field: 'outcome', from: 'planned', to: 'completed' },
    ]);
    expect(fieldChanges({ after: { title: 'ใหม่', summary: null, actions: [] } })).toEqual([{ field: 'title', from: undefined, to: 'ใหม่' }]);
    expect(fieldChanges(null)).toEqual([]);
  });

  it('shows who changed what and when, before → after per field', async () => {
    const { calls } = mockFetch([
      {
        path: '/audit',
        body: AuditListResponseSchema.parse({
          items: [
            {
              id: '7',
              at: '2023-03-07T03:00:00.000Z',
              actorUserId: 'u1',
              actorName: 'สมชาย ใจดี',
              actorRole: 'agency_editor',
              action: 'update',
              entityType: 'measure',
              entityId: MEASURE_ID,
              agencyId: null,
              changes: { outcome: { from: 'planned', to: 'completed' }, carriedOut: { from: null, to: '2023-03-01/month' } },
              requestId: null,
              ip: null,
            },
          ],
          page: 1,
          pageSize: 10,
          total: 1,
        }),
      },
    ]);
    renderWithProviders(<EntityHistory entityType="measure" entityId={MEASURE_ID} title="ประวัติการแก้ไข" />);
    const outcome = await screen.findByRole('row', { name: /ผลลัพธ์/ });
    expect(within(outcome).getByText('ตามแผน (ยังไม่เริ่ม)')).toBeInTheDocument();
    expect(within(outcome).getByText('ดำเนินการแล้วเสร็จ')).toBeInTheDocument();
    expect(within(screen.getByRole('row', { name: /วันที่ดำเนินการ/ })).getByText('มีนาคม 2566')).toBeInTheDocument();
    expect(screen.getByText(/สมชาย ใจดี/)).toBeInTheDocument();
    expect(calls[0]?.url).toContain(`entityType=measure&entityId=${MEASURE_ID}`);
  });
});

const DATE_REASON = 'ดำเนินการล่วงหน้าตามมติสภาก่อนเริ่มปีงบประมาณ';
const OUTSIDE: QualityWarning = {
  code: 'DATE_OUTSIDE_FISCAL_YEAR',
  sequence: 3,
  message: 'วันที่ดำเนินการของมาตรการที่ 3 …',
  params: { sequence: 3, date: '2022-03-07', datePrecision: 'day', fiscalYear: 2567, start: '2023-10-01', end: '2024-09-30' },
};

describe('plan history', () => {
  it('shows an acknowledgement in words: the warning, the reason and who acknowledged it, not codes', async () => {
    mockFetch([
      {
        path: '/audit',
        body: AuditListResponseSchema.parse({
          items: [
            {
              id: '9',
              at: '2024-03-07T03:00:00.000Z',
              actorUserId: 'u2',
              actorName: 'สมหญิง ตรวจดี',
              actorRole: 'provincial_reviewer',
              action: 'status_change',
              entityType: 'plan',
              entityId: PLAN_ID,
              agencyId: null,
              changes: {
                status: { from: 'submitted', to: 'accepted' },
                acknowledgements: [
                  {
                    code: 'DATE_OUTSIDE_FISCAL_YEAR',
                    sequence: 3,
                    reason: DATE_REASON,
                    measureId: null,
                    measureVersion: 2,
                    warnings: [OUTSIDE],
                  },
                ],
              },
            },
          ],
          page: 1,
          pageSize: 10,
          total: 1,
        }),
      },
    ]);

    renderWithProviders(<EntityHistory entityType="plan" entityId={PLAN_ID} title="ประวัติของแผน" />);

    const entry = await screen.findByText('คำเตือนร้ายแรงที่รับทราบ');
    const box = entry.closest('.acknowledged') as HTMLElement;
    expect(box).toHaveTextContent('รับทราบโดย สมหญิง ตรวจดี');
    expect(box).toHaveTextContent('มาตรการที่ 3 · วันที่นอกปีงบประมาณ');
    expect(box).toHaveTextContent('วันที่ดำเนินการ (7 มีนาคม 2565) อยู่นอกปีงบประมาณ พ.ศ. 2567');
    expect(box).toHaveTextContent(`เหตุผล: ${DATE_REASON}`);
    expect(screen.queryByText(/DATE_OUTSIDE_FISCAL_YEAR/)).not.toBeInTheDocument();
    expect(screen.queryByText(/acknowledgements/)).not.toBeInTheDocument();
  });
});

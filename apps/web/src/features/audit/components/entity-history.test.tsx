import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { AuditListResponseSchema } from '@prongsai/shared';
import { MEASURE_ID } from '@/testing/factories';
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

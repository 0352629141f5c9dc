import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { AuditEntry } from '@prongsai/shared';
import { renderWithProviders } from '@/testing/test-utils';
import { AuditTable } from './audit-table';

const entry = (overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: '7',
  at: '2023-03-07T03:00:00.000Z',
  actorUserId: 'u1',
  actorName: 'สมหญิง ตรวจดี',
  actorRole: 'provincial_reviewer',
  action: 'status_change',
  entityType: 'plan',
  entityId: 'p1',
  agencyId: 'a1',
  changes: null,
  ...overrides,
});

describe('AuditTable', () => {
  it('when the entries carry no origin (an editor reads them), then who and when show and there is no source column', () => {
    renderWithProviders(<AuditTable entries={[entry()]} />);

    expect(screen.getByText('สมหญิง ตรวจดี')).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'ที่มา' })).not.toBeInTheDocument();
  });

  it('when an admin gets the IP address and request id, then the source column shows them', () => {
    renderWithProviders(<AuditTable entries={[entry({ ip: '203.0.113.77', requestId: 'b7e1c0de-0000-4000-8000-000000000001' })]} />);

    expect(screen.getByRole('columnheader', { name: 'ที่มา' })).toBeInTheDocument();
    expect(screen.getByText('203.0.113.77')).toBeInTheDocument();
  });
});

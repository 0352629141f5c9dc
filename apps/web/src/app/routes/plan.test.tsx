import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import type { PlanStatus, SessionUser } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { mockFetch } from '@/testing/mock-fetch';
import { AGENCY_ID, makePlan, makeUser } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

afterEach(() => vi.unstubAllGlobals());

const editor = makeUser();
const reviewer = makeUser({ role: 'provincial_reviewer', agencyId: null, agencyName: null });

async function renderPlanPage(user: SessionUser, status: PlanStatus, introText: string | null) {
  mockFetch([{ path: `/agencies/${AGENCY_ID}/plans/2566`, body: makePlan({ status, introText }) }]);
  renderWithProviders(
    <Routes>
      <Route path={paths.plan.path} element={<PlanRoute />} />
    </Routes>,
    { route: paths.plan.getHref(AGENCY_ID, 2566), user },
  );
  await screen.findByRole('heading', { level: 1 });
}

describe('PlanRoute: the introduction', () => {
  it('lets an editor edit the introduction of a draft or returned plan', async () => {
    await renderPlanPage(editor, 'returned', 'คำนำของแผน');
    expect(screen.getByText('คำนำของแผน')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'แก้ไขคำนำ' })).toBeInTheDocument();
  });

  it.each([
    ['an editor, submitted plan', editor, 'submitted'],
    ['an editor, published plan', editor, 'published'],
    ['a reviewer, draft plan', reviewer, 'draft'],
  ] as const)('when %s, then the introduction is shown without an edit button', async (_case, user, status) => {
    await renderPlanPage(user, status, 'คำนำของแผน');
    expect(screen.getByText('คำนำของแผน')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'แก้ไขคำนำ' })).not.toBeInTheDocument();
  });

  it('shows nothing for an empty introduction to someone who may not edit it', async () => {
    await renderPlanPage(reviewer, 'submitted', null);
    expect(screen.queryByText(/ยังไม่มีคำนำ/)).not.toBeInTheDocument();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { type PlanStatus, type SessionUser } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { mockFetch } from '@/testing/mock-fetch';
import { AGENCY_ID, makeAgency, makePlan, makeUser } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

afterEach(() => vi.unstubAllGlobals());

const editor = makeUser();
const reviewer = makeUser({ role: 'provincial_reviewer', agencyId: null, agencyName: null });

const agency = makeAgency({
  id: AGENCY_ID,
  code: null,
  nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
  districtId: null,
  districtNameTh: null,
});

async function renderPlanPage(user: SessionUser, status: PlanStatus, introText: string | null) {
  mockFetch([
    { path: `/agencies/${AGENCY_ID}/plans/2566`, body: makePlan({ status, introText }) },
    { path: `/agencies/${AGENCY_ID}`, body: agency },
  ]);
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

describe('PlanRoute: the breadcrumb', () => {
  it.each([
    ['an editor', editor, '/public/provinces/49'],
    ['a reviewer', reviewer, '/review?province=49'],
  ] as const)(
    'when %s opens a plan, then it reads หน้าหลัก / province / agency / fiscal year like the public pages',
    async (_case, user, provinceHref) => {
      await renderPlanPage(user, 'draft', null);
      const nav = screen.getByRole('navigation', { name: 'ตำแหน่งของหน้านี้' });
      await within(nav).findByRole('link', { name: 'จังหวัดมุกดาหาร' });
      const items = within(nav).getAllByRole('listitem');
      expect(items.map((item) => item.textContent)).toEqual([
        'หน้าหลัก',
        'จังหวัดมุกดาหาร',
        'องค์การบริหารส่วนตำบลบางทรายน้อย',
        'ปีงบประมาณ พ.ศ. 2566',
      ]);
      expect(
        within(nav)
          .getAllByRole('link')
          .map((link) => link.getAttribute('href')),
      ).toEqual(['/', provinceHref, `/agencies/${AGENCY_ID}`]);
      expect(items[3]).toHaveAttribute('aria-current', 'page');
    },
  );
});

describe('PlanRoute: a plan that is not there', () => {
  const render = (answer: { reason?: string; params?: Record<string, number>; message: string }, lang: 'th' | 'en') => {
    mockFetch([
      { path: `/agencies/${AGENCY_ID}/plans/2566`, status: 404, body: { error: { code: 'NOT_FOUND', requestId: 'test', ...answer } } },
      { path: `/agencies/${AGENCY_ID}`, body: agency },
    ]);
    renderWithProviders(
      <Routes>
        <Route path={paths.plan.path} element={<PlanRoute />} />
      </Routes>,
      { route: paths.plan.getHref(AGENCY_ID, 2566), user: editor, lang },
    );
  };

  it('when the agency has no plan of the year, then the page says so from the reason, in the reader’s calendar, with the way back to create one (ADR 026)', async () => {
    render({ reason: 'planYearNotFound', params: { fiscalYear: 2566 }, message: 'ยังไม่มีแผนปีงบประมาณ 2566' }, 'en');
    expect(await screen.findByText('There is no plan for fiscal year 2023 yet')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the agency page to create one' })).toHaveAttribute(
      'href',
      paths.agency.getHref(AGENCY_ID),
    );
  });

  it('when the agency itself is out of reach, then the page does not offer to create a plan there', async () => {
    render({ message: 'ไม่พบหน่วยงานนี้' }, 'th');
    expect(await screen.findByRole('alert')).toHaveTextContent('ไม่พบหน่วยงานนี้');
    expect(screen.queryByRole('link', { name: 'กลับไปหน้าหน่วยงานเพื่อสร้างแผน' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'ลองอีกครั้ง' })).not.toBeInTheDocument();
  });
});

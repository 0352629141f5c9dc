import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { ProvinceOverviewSchema, currentFiscalYear } from '@prongsai/shared';
import { mockFetch } from '@/testing/mock-fetch';
import { AGENCY_ID, AGENCY_ID_2, AGENCY_ID_3, makeOverviewRow, makeUser } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { ReviewRoute } from './review';

afterEach(() => vi.unstubAllGlobals());

const reviewer = makeUser({ role: 'provincial_reviewer', agencyId: null, agencyName: null });

const overview = ProvinceOverviewSchema.parse({
  items: [
    makeOverviewRow(),
    makeOverviewRow({ agencyId: AGENCY_ID_2, nameTh: 'องค์การบริหารส่วนตำบลชะโนด' }),
    makeOverviewRow({ agencyId: AGENCY_ID_3, nameTh: 'องค์การบริหารส่วนตำบลบ้านซ่ง', planStatus: 'draft' }),
  ],
  page: 1,
  pageSize: 20,
  total: 3,
  provinceId: 49,
  provinceNameTh: 'มุกดาหาร',
  fiscalYear: 2567,
  statusCounts: { submitted: 2, draft: 1, none: 4 },
});

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

const renderPage = (route: string) =>
  renderWithProviders(
    <>
      <Routes>
        <Route path="/review" element={<ReviewRoute />} />
        <Route path="/review/compare" element={<p>compare page</p>} />
      </Routes>
      <Where />
    </>,
    { route, user: reviewer },
  );

describe('ReviewRoute', () => {
  it("asks for the reviewer's own province with the URL's filters, shows status counts, and exports with the same filters", async () => {
    const { calls } = mockFetch([
      { path: '/review/provinces/49/overview', body: overview },
      { path: '/provinces/49/districts', body: { items: [{ id: 4906, provinceId: 49, nameTh: 'หว้านใหญ่', nameEn: 'Wan Yai' }] } },
    ]);
    renderPage('/review?fy=2567&status=submitted&sort=score&order=desc&district=4906');
    expect(await screen.findByText('พบ 3 หน่วยงาน')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('ภาพรวมจังหวัด จังหวัดมุกดาหาร');
    const request = calls.find((call) => call.path === '/review/provinces/49/overview');
    expect(new URL(request!.url, 'http://x').searchParams.toString()).toBe(
      'fiscalYear=2567&districtId=4906&status=submitted&sort=score&order=desc&page=1&pageSize=20',
    );
    const counts = within(screen.getByRole('group', { name: 'จำนวนหน่วยงานตามสถานะแผน (กดเพื่อกรอง)' }));
    expect(counts.getByRole('button', { name: 'ส่งให้จังหวัดตรวจสอบแล้ว 2' })).toHaveAttribute('aria-pressed', 'true');
    expect(counts.getByRole('button', { name: 'ยังไม่มีแผน 4' })).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('ดาวน์โหลด CSV').closest('a')).toHaveAttribute(
      'href',
      '/api/v1/review/provinces/49/overview.csv?fiscalYear=2567&districtId=4906&status=submitted&sort=score&order=desc',
    );
    expect(await screen.findByText('หว้านใหญ่', { selector: 'option' })).toBeInTheDocument();
  });

  it('when the URL names no year, then it opens on the latest fiscal year the province has plans in, not an empty new one', async () => {
    const trends = {
      provinceId: 49,
      years: [2568, 2569, currentFiscalYear()].map((fiscalYear, index) => ({
        fiscalYear,
        agencies: 7,
        plans: index === 2 ? 0 : 5,
        published: 0,
        completedPercent: 0,
        averageScore: null,
        passRate: null,
      })),
      improvement: [],
    };
    const { calls } = mockFetch([
      { path: '/review/provinces/49/trends', body: trends },
      { path: '/review/provinces/49/overview', body: overview },
      { path: '/provinces/49/districts', body: { items: [] } },
    ]);

    renderPage('/review');

    expect(await screen.findByText('พบ 3 หน่วยงาน')).toBeInTheDocument();
    const years = calls
      .filter((call) => call.path === '/review/provinces/49/overview')
      .map((call) => new URL(call.url, 'http://x').searchParams.get('fiscalYear'));
    expect(years).toEqual(['2569']);
  });

  it('filters by type and search through the URL, back to page 1', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: '/review/provinces/49/overview', body: overview },
      { path: '/provinces/49/districts', body: { items: [] } },
    ]);
    renderPage('/review?fy=2567&page=2');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'ประเภทหน่วยงาน' }), 'sao');
    expect(screen.getByTestId('where')).toHaveTextContent('/review?fy=2567&type=sao');
    await user.type(screen.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' }), 'ชะโนด');
    await user.click(screen.getByRole('button', { name: 'ค้นหา' }));
    expect(screen.getByTestId('where')).toHaveTextContent(`/review?fy=2567&type=sao&q=${encodeURIComponent('ชะโนด')}`);
  });

  it('compares 2–6 picked agencies', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: '/review/provinces/49/overview', body: overview },
      { path: '/provinces/49/districts', body: { items: [] } },
    ]);
    renderPage('/review?fy=2567');
    const compare = await screen.findByRole('button', { name: /^เปรียบเทียบ/ });
    expect(compare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /บางทรายน้อย/ }));
    expect(compare).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /ชะโนด/ }));
    await user.click(screen.getByRole('checkbox', { name: /บ้านซ่ง/ }));
    expect(screen.getByText(/เลือกแล้ว 3 แห่ง/)).toBeInTheDocument();
    await user.click(compare);
    expect(screen.getByText('compare page')).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(
      `/review/compare?agencyIds=${encodeURIComponent([AGENCY_ID, AGENCY_ID_2, AGENCY_ID_3].join(','))}`,
    );
  });
});

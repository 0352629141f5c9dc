import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { mockFetch } from '@/testing/mock-fetch';
import { makePublicSummary } from '@/testing/factories';
import { renderWithProviders, wholeText } from '@/testing/test-utils';
import { PublicNationalRoute } from './public-national';

afterEach(() => vi.unstubAllGlobals());

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

const renderPage = (route = '/public') =>
  renderWithProviders(
    <>
      <Routes>
        <Route path="/public" element={<PublicNationalRoute />} />
      </Routes>
      <Where />
    </>,
    { route },
  );

describe('PublicNationalRoute', () => {
  it('shows the headline figures, a chart with a real table of the same figures, and provinces linking to their pages', async () => {
    mockFetch([{ path: '/public/summary', body: makePublicSummary() }]);
    renderPage();
    expect(await screen.findByText('หน่วยงานที่เผยแพร่รายงานแล้ว', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.getByText('จากหน่วยงานในระบบ 10 แห่ง (60%)')).toBeInTheDocument();

    const typeTable = screen.getByRole('table', { name: 'ตัวเลขแยกตามประเภทหน่วยงาน ปีงบประมาณ 2566' });
    const paoRow = within(typeTable).getByRole('row', { name: /องค์การบริหารส่วนจังหวัด/ });
    expect(
      within(paoRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['2', '2', '12', '10', '2']);

    const provinceTable = screen.getByRole('table', { name: /ตัวเลขแยกตามจังหวัด ปีงบประมาณ 2566/ });
    const links = within(provinceTable).getAllByRole('link');
    // Provinces with published reports come first; those without agencies are folded into a list below.
    expect(links.map((link) => link.textContent)).toEqual(['มุกดาหาร', 'อำนาจเจริญ']);
    expect(links[0]).toHaveAttribute('href', '/public/provinces/49?fy=2566');
    const others = screen.getByText('จังหวัดที่ยังไม่มีหน่วยงานในระบบ (1 จังหวัด)').closest('details')!;
    expect(others).not.toHaveAttribute('open');
    expect(within(others).getByRole('link', { name: 'กรุงเทพมหานคร' })).toHaveAttribute('href', '/public/provinces/10?fy=2566');
    // The map (loaded lazily) links every province it is given, named with its figures.
    const map = await screen.findByRole('figure', { name: 'แผนที่จังหวัด: สัดส่วนหน่วยงานที่เผยแพร่รายงานแล้ว' });
    expect(within(map).getByRole('link', { name: 'มุกดาหาร: เผยแพร่แล้ว 4 จาก 7 หน่วยงาน (57%)' })).toHaveAttribute(
      'href',
      '/public/provinces/49?fy=2566',
    );
    expect(within(map).getByRole('link', { name: 'กรุงเทพมหานคร: ยังไม่มีหน่วยงานในระบบ' })).toBeInTheDocument();
    expect(
      within(map)
        .getAllByRole('link')
        .filter((link) => link.getAttribute('href')?.startsWith('/public/provinces/')),
    ).toHaveLength(3);
    // The chart only repeats the tables, so assistive technology skips it.
    expect(
      screen.getByText('หน่วยงานที่เผยแพร่รายงานแล้ว แยกตามประเภท').closest('figure')?.querySelector('[aria-hidden="true"]'),
    ).not.toBeNull();
  });

  it('filters the province list as you type', async () => {
    const user = userEvent.setup();
    mockFetch([{ path: '/public/summary', body: makePublicSummary() }]);
    renderPage();
    await user.type(await screen.findByRole('searchbox', { name: 'ค้นหาจังหวัด' }), 'มุก');
    const provinceTable = screen.getByRole('table', { name: /ตัวเลขแยกตามจังหวัด/ });
    expect(
      within(provinceTable)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['มุกดาหาร']);
  });

  it('when another fiscal year is chosen, then it is in the URL (shareable) and asked of the API', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: '/public/summary', body: makePublicSummary(), once: true },
      { path: '/public/summary', body: makePublicSummary({ fiscalYear: 2565 }) },
    ]);
    renderPage();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' }), '2565');
    expect(screen.getByTestId('where')).toHaveTextContent('/public?fy=2565');
    await screen.findByRole('table', { name: 'ตัวเลขแยกตามประเภทหน่วยงาน ปีงบประมาณ 2565' });
    expect(calls.map((call) => call.url)).toContain('/api/v1/public/summary?fiscalYear=2565');
  });

  it('when someone searches an agency by its abbreviated name, then the results link to the agency pages and say who published', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: '/public/summary', body: makePublicSummary() },
      {
        path: '/public/agencies',
        body: {
          items: [
            {
              id: '3f0b8a3e-5d0c-4f4e-9a51-9d7f6f6b2a11',
              nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อย',
              nameEn: 'Bang Sai Noi Subdistrict Administrative Organization',
              type: 'sao',
              provinceId: 49,
              provinceNameTh: 'มุกดาหาร',
              districtNameTh: 'หว้านใหญ่',
              hasPublishedPlan: true,
            },
            {
              id: '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
              nameTh: 'องค์การบริหารส่วนตำบลบางทรายน้อยเหนือ',
              nameEn: null,
              type: 'sao',
              provinceId: 50,
              provinceNameTh: 'อำนาจเจริญ',
              districtNameTh: null,
              hasPublishedPlan: false,
            },
          ],
          page: 1,
          pageSize: 20,
          total: 2,
        },
      },
    ]);
    renderPage();

    await user.type(await screen.findByRole('searchbox', { name: /ค้นหาหน่วยงานทั่วประเทศ/ }), 'อบต.บางทรายน้อย{Enter}');

    const results = await screen.findByRole('region', { name: 'ผลการค้นหา “อบต.บางทรายน้อย”' });
    const links = await within(results).findAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(['องค์การบริหารส่วนตำบลบางทรายน้อย', 'องค์การบริหารส่วนตำบลบางทรายน้อยเหนือ']);
    expect(links[0]).toHaveAttribute('href', '/public/agencies/3f0b8a3e-5d0c-4f4e-9a51-9d7f6f6b2a11');
    expect(within(results).getByRole('status')).toHaveTextContent('พบ 2 หน่วยงาน');
    expect(within(results).getByText(wholeText('มีรายงานที่เผยแพร่แล้ว'))).toBeInTheDocument();
    expect(within(results).getByText(wholeText('ยังไม่เผยแพร่รายงาน'))).toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(`/public?q=${encodeURIComponent('อบต.บางทรายน้อย').replace(/%20/g, '+')}`);
    expect(
      calls.some((call) => call.path === '/public/agencies' && new URL(call.url, 'http://x').searchParams.get('q') === 'อบต.บางทรายน้อย'),
    ).toBe(true);
  });

  it('when a search finds nothing, then an empty state says so and hints how to search; clearing it removes the results', async () => {
    const user = userEvent.setup();
    mockFetch([
      { path: '/public/summary', body: makePublicSummary() },
      { path: '/public/agencies', body: { items: [], page: 1, pageSize: 20, total: 0 } },
    ]);
    renderPage(`/public?q=${encodeURIComponent('ไม่มีจริง')}`);

    expect(await screen.findByText('ไม่พบหน่วยงานที่ตรงกับ “ไม่มีจริง”')).toBeInTheDocument();
    expect(screen.getByText(/ใช้คำย่อ อบต\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'ล้างการค้นหา' }));
    expect(screen.queryByRole('region', { name: /ผลการค้นหา/ })).not.toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent(/^\/public$/);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { mockFetch } from '@/testing/mock-fetch';
import { AGENCY_ID_3, makeAgency, makeImportPreview, makeMeasure, makePlan, makeUser } from '@/testing/factories';
import { renderWithProviders, wholeText } from '@/testing/test-utils';
import { AgencyImportRoute } from './agency-import';

afterEach(() => vi.unstubAllGlobals());

const editor = makeUser({ agencyId: AGENCY_ID_3, agencyName: 'องค์การบริหารส่วนตำบลบ้านซ่ง' });
const agency = makeAgency({ website: 'www.banshong.go.th' });

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/agencies/:agencyId/import" element={<AgencyImportRoute />} />
      <Route path="/agencies/:agencyId/plans/:fiscalYear" element={<p>plan page</p>} />
    </Routes>,
    { route: `/agencies/${AGENCY_ID_3}/import`, user: editor },
  );

describe('AgencyImportRoute', () => {
  it('previews pasted text, lets the editor fix a row and drop another, and saves only on "บันทึกลงแผน"', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      { path: `/agencies/${AGENCY_ID_3}`, body: agency },
      { method: 'POST', path: `/agencies/${AGENCY_ID_3}/imports/preview`, body: makeImportPreview() },
      {
        method: 'POST',
        path: `/agencies/${AGENCY_ID_3}/plans/2568/import`,
        status: 201,
        body: makePlan({ agencyId: AGENCY_ID_3, fiscalYear: 2568, measures: [makeMeasure({ agencyId: AGENCY_ID_3 })] }),
      },
    ]);
    renderPage();
    await user.click(await screen.findByRole('radio', { name: 'วางข้อความ' }));
    await user.click(screen.getByRole('button', { name: 'อ่านรายงาน' }));
    expect(screen.getByRole('alert')).toHaveTextContent('กรุณาวางข้อความรายงาน');
    await user.type(screen.getByRole('textbox', { name: 'ข้อความรายงาน' }), 'รายงาน');
    await user.click(screen.getByRole('button', { name: 'อ่านรายงาน' }));

    expect(await screen.findByRole('heading', { name: 'สิ่งที่อ่านได้ (2 มาตรการ)' })).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    expect(calls[calls.length - 1]?.body).toEqual({ format: 'text', content: 'รายงาน' });
    // What was understood, with the quality warnings of each measure and of the whole report.
    // Words, not the server's code.
    expect(screen.getByText(wholeText('ไม่มีหลักฐาน'))).toBeInTheDocument();
    expect(screen.queryByText('NO_EVIDENCE')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'ข้อสังเกตของรายงานทั้งฉบับ' })).toHaveTextContent('พบหัวตารางซ้ำ');
    expect(screen.getByRole('combobox', { name: 'บันทึกลงแผนปีงบประมาณ' })).toHaveValue('2568');

    const title = screen.getByRole('textbox', { name: 'ชื่อมาตรการ แถวที่ 1' });
    await user.clear(title);
    await user.type(title, 'เผยแพร่แผนประจำปี');
    await user.selectOptions(screen.getByRole('combobox', { name: 'ผลลัพธ์ แถวที่ 1' }), 'in_progress');
    const date = screen.getByRole('group', { name: 'วันที่ดำเนินการ แถวที่ 1' });
    expect(within(date).getByRole('radio', { name: 'ทราบแค่เดือน' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'ไม่นำเข้า แถวที่ 2' }));
    expect(screen.getByRole('heading', { name: 'สิ่งที่อ่านได้ (1 มาตรการ)' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'บันทึกลงแผน' }));
    expect(await screen.findByText('plan page')).toBeInTheDocument();
    const commit = calls.find((call) => call.path.endsWith('/plans/2568/import'));
    expect(commit?.body).toMatchObject({
      measures: [
        {
          title: 'เผยแพร่แผนประจำปี',
          outcome: 'in_progress',
          carriedOut: { date: '2025-03-01', precision: 'month' },
        },
      ],
    });
    // Quality warnings are the server's to compute: the commit never carries them.
    expect(commit?.body).not.toHaveProperty('measures.0.warnings');
  });

  it('when the file names no fiscal year, then one must be chosen before saving', async () => {
    const user = userEvent.setup();
    const preview = makeImportPreview();
    const { calls } = mockFetch([
      { path: `/agencies/${AGENCY_ID_3}`, body: agency },
      {
        method: 'POST',
        path: `/agencies/${AGENCY_ID_3}/imports/preview`,
        body: { ...preview, report: { ...preview.report, fiscalYear: null } },
      },
    ]);
    renderPage();
    await user.click(await screen.findByRole('radio', { name: 'วางข้อความ' }));
    await user.type(screen.getByRole('textbox', { name: 'ข้อความรายงาน' }), 'รายงาน');
    await user.click(screen.getByRole('button', { name: 'อ่านรายงาน' }));
    expect(await screen.findByText('ไฟล์ไม่ได้ระบุปีงบประมาณ กรุณาเลือกปีที่จะบันทึก')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'บันทึกลงแผน' }));
    expect(screen.getByRole('alert')).toHaveTextContent('กรุณาเลือกปีงบประมาณที่จะบันทึก');
    expect(calls.some((call) => call.path.endsWith('/import'))).toBe(false);
  });
});

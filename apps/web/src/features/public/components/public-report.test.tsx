import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { EvidenceFile } from '@prongsai/shared';
import { makeMeasure, makePlan, MEASURE_ID, MEASURE_ID_2 } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PublicReport } from './public-report';

const plan = makePlan({
  status: 'published',
  publishedAt: '2023-11-01T00:00:00.000Z',
  measures: [
    makeMeasure({
      outcome: 'completed',
      resultText: 'จัดทำแผนรายไตรมาสแล้ว',
      warnings: [{ code: 'NO_EVIDENCE', message: 'ไม่มีลิงก์หลักฐาน', sequence: 1 }],
    }),
    makeMeasure({
      id: MEASURE_ID_2,
      sequence: 2,
      title: 'มาตรการที่ทำไม่ได้',
      outcome: 'not_carried_out',
      outcomeReason: 'ไม่มีงบประมาณ',
      resultText: null,
      carriedOut: { date: '2023-01-01', precision: 'month' },
    }),
  ],
  warnings: [{ code: 'NO_EVIDENCE', message: 'ไม่มีลิงก์หลักฐาน', sequence: 1 }],
  comments: [
    {
      id: 'c1',
      planId: 'p',
      measureId: null,
      kind: 'comment',
      body: 'ความเห็นภายใน',
      authorName: 'ผู้ตรวจ',
      createdAt: '2023-10-20T00:00:00.000Z',
    },
  ],
});

describe('PublicReport', () => {
  it('puts each result in the column of its outcome, like the official report', () => {
    renderWithProviders(<PublicReport plan={plan} />, { digits: 'thai' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(
      'รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๖',
    );
    const [first, second] = screen.getAllByRole('row').slice(2);
    const cellsOf = (row: HTMLElement | undefined) => within(row!).getAllByRole('cell');
    expect(cellsOf(first)[1]).toHaveTextContent(''); // ไม่สามารถดำเนินการได้
    expect(cellsOf(first)[2]).toHaveTextContent('จัดทำแผนรายไตรมาสแล้ว'); // ดำเนินการแล้วเสร็จ
    expect(cellsOf(second)[1]).toHaveTextContent('ไม่มีงบประมาณ');
    expect(within(second!).getByText('ดำเนินการเมื่อ มกราคม ๒๕๖๖')).toBeInTheDocument();
    expect(screen.getByText('เผยแพร่เมื่อ ๑ พฤศจิกายน ๒๕๖๖')).toBeInTheDocument();
  });

  it('never shows the working notes: quality warnings and reviewers’ comments', () => {
    renderWithProviders(<PublicReport plan={plan} />);
    expect(screen.queryByText(/ไม่มีลิงก์หลักฐาน/)).not.toBeInTheDocument();
    expect(screen.queryByText('ความเห็นภายใน')).not.toBeInTheDocument();
  });

  it('lists the public evidence files under their measure, each a download link with its type and size', () => {
    const file = (id: string, measureId: string, name: string, size: number): EvidenceFile => ({
      id,
      measureId,
      name,
      contentType: 'application/pdf',
      size,
      isInternal: false,
      hasPreview: false,
      url: `/api/v1/files/${id}/content`,
      previewUrl: null,
      createdAt: '2023-11-01T00:00:00.000Z',
    });
    renderWithProviders(
      <PublicReport
        plan={plan}
        files={[
          file('f1000000-0000-4000-8000-000000000001', MEASURE_ID, 'คำสั่งแต่งตั้ง.pdf', 2 * 1024 * 1024),
          file('f1000000-0000-4000-8000-000000000002', MEASURE_ID_2, 'บันทึก.pdf', 3000),
        ]}
      />,
      { digits: 'thai' },
    );
    const [first, second] = screen.getAllByRole('row').slice(2);
    const link = within(first!).getByRole('link', { name: 'คำสั่งแต่งตั้ง.pdf' });
    expect(link).toHaveAttribute('href', '/api/v1/files/f1000000-0000-4000-8000-000000000001/content');
    expect(link).toHaveAttribute('download', 'คำสั่งแต่งตั้ง.pdf');
    expect(first).toHaveTextContent('(PDF, ๒ MB)');
    expect(within(second!).getByRole('link', { name: 'บันทึก.pdf' })).toBeInTheDocument();
    expect(within(second!).queryByRole('link', { name: 'คำสั่งแต่งตั้ง.pdf' })).not.toBeInTheDocument();
    expect(second).toHaveTextContent('(PDF, ๓ KB)');
  });
});

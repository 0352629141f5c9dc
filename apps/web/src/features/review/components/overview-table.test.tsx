import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AGENCY_ID_2, makeOverviewRow } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { OverviewTable } from './overview-table';

const rows = [
  makeOverviewRow(),
  makeOverviewRow({
    agencyId: AGENCY_ID_2,
    nameTh: 'องค์การบริหารส่วนตำบลชะโนด',
    planId: null,
    planStatus: null,
    measures: 0,
    itaScore: 80,
    itaBand: 'B',
  }),
];

const renderTable = (props: Partial<Parameters<typeof OverviewTable>[0]> = {}) => {
  const onSort = vi.fn();
  const onToggle = vi.fn();
  renderWithProviders(
    <OverviewTable
      rows={rows}
      fiscalYear={2567}
      sort="name"
      order="asc"
      onSort={onSort}
      selected={new Set()}
      onToggle={onToggle}
      canSelectMore
      {...props}
    />,
  );
  return { onSort, onToggle };
};

describe('OverviewTable', () => {
  it('announces the sorted column with aria-sort and sorts by another column when its header is pressed', async () => {
    const user = userEvent.setup();
    const { onSort } = renderTable();
    expect(screen.getByRole('columnheader', { name: /หน่วยงาน/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(screen.getByRole('columnheader', { name: /แล้วเสร็จ/ })).not.toHaveAttribute('aria-sort');
    await user.click(screen.getByRole('button', { name: /แล้วเสร็จ/ }));
    expect(onSort).toHaveBeenLastCalledWith('completion', 'desc');
    await user.click(screen.getByRole('button', { name: /หน่วยงาน/ }));
    expect(onSort).toHaveBeenLastCalledWith('name', 'desc');
  });

  it('links each agency to its plan of the year (or its page when it has none), with ITA score and band', () => {
    renderTable({ sort: 'score', order: 'desc' });
    expect(screen.getByRole('columnheader', { name: /คะแนน ITA ปี 2567/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('link', { name: 'องค์การบริหารส่วนตำบลบางทรายน้อย' })).toHaveAttribute(
      'href',
      '/agencies/5b7a3c2e-8a51-4c1e-9a43-0f7d3b0f6a11/plans/2567',
    );
    expect(screen.getByRole('link', { name: 'องค์การบริหารส่วนตำบลชะโนด' })).toHaveAttribute('href', `/agencies/${AGENCY_ID_2}`);
    expect(screen.getByText('91.2')).toBeInTheDocument();
    expect(screen.getByText(/ต่ำกว่าเกณฑ์ 85 คะแนน/)).toBeInTheDocument();
  });

  it('picks agencies to compare, and offers no more once the limit is reached', async () => {
    const user = userEvent.setup();
    const { onToggle } = renderTable();
    await user.click(screen.getByRole('checkbox', { name: 'เลือก องค์การบริหารส่วนตำบลชะโนด เพื่อเปรียบเทียบ' }));
    expect(onToggle).toHaveBeenCalledWith(rows[1]);
  });

  it('when six are picked, then unpicked rows cannot be ticked but picked ones can be unticked', () => {
    renderTable({ selected: new Set([rows[0]!.agencyId]), canSelectMore: false });
    expect(screen.getByRole('checkbox', { name: /บางทรายน้อย/ })).toBeEnabled();
    expect(screen.getByRole('checkbox', { name: /ชะโนด/ })).toBeDisabled();
  });
});

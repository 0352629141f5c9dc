import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PartialDate } from '@prongsai/shared';
import { renderWithProviders } from '@/testing/test-utils';
import { PartialDateInput } from './partial-date-input';

function Harness({ initial, onChange }: { initial: PartialDate | null; onChange: (value: PartialDate | null) => void }) {
  const [value, setValue] = useState<PartialDate | null>(initial);
  return (
    <PartialDateInput
      legend="วันที่ดำเนินการ"
      value={value}
      yearFrom={2564}
      yearTo={2568}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('PartialDateInput', () => {
  it('when only a month and a BE year are chosen, then it stores the 1st with precision "month" and shows no day', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={null} onChange={onChange} />, { digits: 'thai' });
    await user.click(screen.getByRole('radio', { name: 'ทราบแค่เดือน' }));
    await user.selectOptions(screen.getByLabelText('เดือน'), 'มีนาคม');
    expect(onChange).toHaveBeenLastCalledWith(null); // year still missing: nothing is made up
    await user.selectOptions(screen.getByLabelText('ปี (พ.ศ.)'), '๒๕๖๖');
    expect(onChange).toHaveBeenLastCalledWith({ date: '2023-03-01', precision: 'month' });
    expect(screen.getByText('จะบันทึกเป็น: มีนาคม ๒๕๖๖')).toBeInTheDocument();
    expect(screen.queryByText(/๑ มีนาคม/)).not.toBeInTheDocument();
  });

  it('when switching a full date to month precision, then the day is dropped, not kept', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={{ date: '2023-03-07', precision: 'day' }} onChange={onChange} />);
    expect(screen.getByRole('group', { name: 'วัน/เดือน/ปี' })).toBeInTheDocument();
    expect(screen.getByLabelText('วัน/เดือน/ปี ปี พ.ศ.')).toHaveValue('2566');
    await user.click(screen.getByRole('radio', { name: 'ทราบแค่เดือน' }));
    expect(onChange).toHaveBeenLastCalledWith({ date: '2023-03-01', precision: 'month' });
    expect(screen.getByLabelText('เดือน')).toHaveValue('3');
    expect(screen.getByLabelText('ปี (พ.ศ.)')).toHaveValue('2566');
  });

  it('when switching a month-only date to day precision, then no day is invented: the date is empty until picked', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={{ date: '2023-03-01', precision: 'month' }} onChange={onChange} />);
    expect(screen.getByText('จะบันทึกเป็น: มีนาคม 2566')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: 'ทราบวันที่' }));
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByLabelText('วัน/เดือน/ปี ปี พ.ศ.')).toHaveValue('');
    expect(screen.getByLabelText('วัน/เดือน/ปี เดือน')).toHaveValue('');
    expect(screen.getByText('ยังไม่ได้ระบุวันที่')).toBeInTheDocument();
  });

  it('when a day is picked, then it is stored with precision "day" and read back in BE', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={null} onChange={onChange} />);
    await user.selectOptions(screen.getByLabelText('วัน/เดือน/ปี วันที่'), '7');
    await user.selectOptions(screen.getByLabelText('วัน/เดือน/ปี เดือน'), 'มีนาคม');
    await user.type(screen.getByLabelText('วัน/เดือน/ปี ปี พ.ศ.'), '2566');
    expect(onChange).toHaveBeenLastCalledWith({ date: '2023-03-07', precision: 'day' });
    expect(screen.getByText('จะบันทึกเป็น: 7 มีนาคม 2566')).toBeInTheDocument();
  });
});

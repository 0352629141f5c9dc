import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DigitStyle, Locale } from '@prongsai/shared';
import { renderWithProviders } from '@/testing/test-utils';
import { DateInput, NOT_A_DATE } from './date-input';

function Harness({ initial, onChange }: { initial: string | null; onChange: (value: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <DateInput
        label="วันเริ่มตามแผน"
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
      <button type="button">ถัดไป</button>
      <output data-testid="value">{value ?? 'null'}</output>
    </>
  );
}

const renderField = (initial: string | null, options: { lang?: Locale; digits?: DigitStyle } = {}) => {
  const onChange = vi.fn();
  renderWithProviders(<Harness initial={initial} onChange={onChange} />, options);
  return { onChange, user: userEvent.setup() };
};

const part = (name: string) => screen.getByLabelText(`วันเริ่มตามแผน ${name}`);

describe('DateInput', () => {
  it('when given an ISO CE date, then it shows the day, the Thai month and the BE year, and gives the same date back unchanged', async () => {
    const { user, onChange } = renderField('2023-03-07');
    expect(screen.getByRole('group', { name: 'วันเริ่มตามแผน' })).toBeInTheDocument();
    expect(part('วันที่')).toHaveValue('7');
    expect(part('เดือน')).toHaveDisplayValue('มีนาคม');
    expect(part('ปี พ.ศ.')).toHaveValue('2566');
    // Round trip: a change of a part and back gives the same CE date.
    await user.selectOptions(part('วันที่'), '8');
    expect(onChange).toHaveBeenLastCalledWith('2023-03-08');
    await user.selectOptions(part('วันที่'), '7');
    expect(onChange).toHaveBeenLastCalledWith('2023-03-07');
  });

  it('when a BE year is typed and a month picked, then the value is the ISO CE date', async () => {
    const { user, onChange } = renderField(null);
    await user.selectOptions(part('วันที่'), '29');
    await user.type(part('ปี พ.ศ.'), '2567');
    expect(onChange).toHaveBeenLastCalledWith(NOT_A_DATE); // month still missing: nothing is made up, and the form cannot save
    await user.selectOptions(part('เดือน'), 'กุมภาพันธ์');
    expect(onChange).toHaveBeenLastCalledWith('2024-02-29');
    expect(screen.getByTestId('value')).toHaveTextContent('2024-02-29');
  });

  it('when the reader uses Thai digits, then the BE year and the days are shown in Thai digits and typed digits are read either way', async () => {
    const { user, onChange } = renderField('2023-03-07', { digits: 'thai' });
    expect(part('ปี พ.ศ.')).toHaveValue('๒๕๖๖');
    expect(part('วันที่')).toHaveDisplayValue('๗');
    await user.clear(part('ปี พ.ศ.'));
    await user.type(part('ปี พ.ศ.'), '๒๕๖๗');
    expect(onChange).toHaveBeenLastCalledWith('2024-03-07');
    await user.clear(part('ปี พ.ศ.'));
    await user.type(part('ปี พ.ศ.'), '2568');
    expect(part('ปี พ.ศ.')).toHaveValue('๒๕๖๘');
    expect(onChange).toHaveBeenLastCalledWith('2025-03-07');
  });

  it('when 31 เมษายน is entered, then it is refused with an inline message and the form gets a value it cannot save', async () => {
    const { user, onChange } = renderField(null);
    await user.selectOptions(part('วันที่'), '31');
    await user.selectOptions(part('เดือน'), 'เมษายน');
    await user.type(part('ปี พ.ศ.'), '2566');
    expect(screen.getByRole('alert')).toHaveTextContent('เมษายน 2566 มีเพียง 30 วัน');
    expect(part('วันที่')).toHaveAttribute('aria-invalid', 'true');
    expect(part('วันที่')).toHaveAccessibleDescription('เมษายน 2566 มีเพียง 30 วัน');
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(onChange).toHaveBeenLastCalledWith(NOT_A_DATE);
    expect(screen.getByTestId('value')).toHaveTextContent(NOT_A_DATE);
  });

  it('when 29 กุมภาพันธ์ of a common year is entered, then it is refused, and a valid date once corrected is accepted', async () => {
    const { user, onChange } = renderField('2023-02-28');
    await user.selectOptions(part('วันที่'), '29');
    expect(screen.getByRole('alert')).toHaveTextContent('กุมภาพันธ์ 2566 มีเพียง 28 วัน');
    expect(onChange).toHaveBeenLastCalledWith(NOT_A_DATE);
    await user.clear(part('ปี พ.ศ.'));
    await user.type(part('ปี พ.ศ.'), '2567');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onChange).toHaveBeenLastCalledWith('2024-02-29');
  });

  it('when a CE year is typed, then it asks for the BE year instead of saving a date 543 years off', async () => {
    const { user, onChange } = renderField(null);
    await user.selectOptions(part('วันที่'), '7');
    await user.selectOptions(part('เดือน'), 'มีนาคม');
    await user.type(part('ปี พ.ศ.'), '2023');
    expect(screen.getByRole('alert')).toHaveTextContent('ใส่ปีเป็น พ.ศ. (เช่น 2566 ไม่ใช่ 2023)');
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(onChange).toHaveBeenLastCalledWith(NOT_A_DATE);
  });

  it('when the field is empty, then it stays null; when left half filled, then it says so', async () => {
    const { user, onChange } = renderField(null);
    expect(part('วันที่')).toHaveValue('');
    expect(part('ปี พ.ศ.')).toHaveValue('');
    await user.click(part('ปี พ.ศ.'));
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.type(part('ปี พ.ศ.'), '2566');
    await user.click(screen.getByRole('button', { name: 'ถัดไป' }));
    expect(screen.getByRole('alert')).toHaveTextContent('กรอกให้ครบทั้งวัน เดือน และปี พ.ศ.');
    expect(onChange).toHaveBeenLastCalledWith(NOT_A_DATE); // half filled: the form cannot save it
    await user.clear(part('ปี พ.ศ.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalledWith(expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/));
    expect(onChange).toHaveBeenLastCalledWith(null); // emptied again: no date, which is allowed
    expect(screen.getByTestId('value')).toHaveTextContent('null');
  });

  it('when the screen is in English, then the months are English, the year is still BE and the date reads back in CE', async () => {
    const onChange = vi.fn();
    renderWithProviders(<DateInput label="Planned start" value="2023-03-07" onChange={onChange} />, { lang: 'en' });
    expect(screen.getByRole('group', { name: 'Planned start' })).toBeInTheDocument();
    expect(screen.getByLabelText('Planned start Month')).toHaveDisplayValue('March');
    expect(screen.getByLabelText('Planned start Year (BE)')).toHaveValue('2566');
    expect(screen.getByText('7 March 2023')).toBeInTheDocument();
  });

  it('when used from the keyboard only, then Tab goes day → month → BE year (native, labelled controls) and the year can be typed', async () => {
    const { user, onChange } = renderField('2023-03-07');
    await user.tab();
    expect(part('วันที่')).toHaveFocus();
    await user.tab();
    expect(part('เดือน')).toHaveFocus();
    await user.tab();
    expect(part('ปี พ.ศ.')).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}2567');
    expect(onChange).toHaveBeenLastCalledWith('2024-03-07');
    await user.tab();
    expect(screen.getByRole('button', { name: 'ถัดไป' })).toHaveFocus();
  });
});

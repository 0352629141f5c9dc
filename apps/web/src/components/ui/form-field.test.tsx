import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/testing/test-utils';
import { FormField, SelectField } from './form-field';

describe('FormField', () => {
  it('labels the control and describes it by the extra ids, the hint and the error, in that order', () => {
    renderWithProviders(
      <>
        <p id="intro">ก่อนกรอก</p>
        <FormField label="รหัสผ่าน" id="pw" hint="อย่างน้อย 12 ตัวอักษร" error="สั้นเกินไป" describedBy="intro">
          {(control) => <input {...control} type="password" />}
        </FormField>
      </>,
    );
    const input = screen.getByLabelText('รหัสผ่าน');
    expect(input).toHaveAttribute('id', 'pw');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAttribute('aria-describedby', 'intro pw-hint pw-error');
    expect(input).toHaveAccessibleDescription('ก่อนกรอก อย่างน้อย 12 ตัวอักษร สั้นเกินไป');
    expect(screen.getByText('สั้นเกินไป')).toHaveClass('field__error');
    expect(screen.getByText('อย่างน้อย 12 ตัวอักษร')).toHaveClass('field__hint');
  });

  it('without a hint or an error, sets no aria-invalid or aria-describedby and generates an id', () => {
    renderWithProviders(<FormField label="ชื่อ">{(control) => <input {...control} />}</FormField>);
    const input = screen.getByRole('textbox', { name: 'ชื่อ' });
    expect(input.id).not.toBe('');
    expect(input).not.toHaveAttribute('aria-invalid');
    expect(input).not.toHaveAttribute('aria-describedby');
    expect(input.closest('div')).toHaveClass('field');
  });
});

describe('SelectField', () => {
  it('offers the empty choice first, shows the value and hands back what was chosen', async () => {
    const onChange = vi.fn();
    renderWithProviders(
      <SelectField
        label="ประเภทหน่วยงาน"
        value={undefined}
        emptyLabel="ทุกประเภท"
        options={[
          { value: 'sao', label: 'อบต.' },
          { value: 'pao', label: 'อบจ.' },
        ]}
        onChange={onChange}
        className="only-narrow"
      />,
    );
    const select = screen.getByRole('combobox', { name: 'ประเภทหน่วยงาน' });
    expect(select).toHaveValue('');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['ทุกประเภท', 'อบต.', 'อบจ.']);
    expect(select.closest('div')).toHaveClass('field', 'only-narrow');
    await userEvent.setup().selectOptions(select, 'pao');
    expect(onChange).toHaveBeenCalledWith('pao');
  });

  it('takes numeric values and shows its error', () => {
    renderWithProviders(
      <SelectField
        label="ปี"
        value={2567}
        options={[2568, 2567].map((year) => ({ value: year, label: String(year) }))}
        onChange={vi.fn()}
        error="เลือกปี"
      />,
    );
    const select = screen.getByRole('combobox', { name: 'ปี' });
    expect(select).toHaveValue('2567');
    expect(select).toHaveAttribute('aria-invalid', 'true');
    expect(select).toHaveAccessibleDescription('เลือกปี');
  });
});

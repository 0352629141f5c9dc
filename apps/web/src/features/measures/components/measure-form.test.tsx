import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ApiError } from '@/lib/api-client';
import { makeCodebook, makeMeasure } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { EMPTY_MEASURE, toFormValues } from '../utils/measure-form-values';
import { MeasureForm } from './measure-form';

afterEach(() => vi.unstubAllGlobals());

const renderForm = (
  onSubmit = vi.fn(async () => undefined),
  defaults = EMPTY_MEASURE,
  mode: { kind: 'create' } | { kind: 'edit'; version: number } = { kind: 'create' },
  lang: 'th' | 'en' = 'th',
) =>
  renderWithProviders(
    <MeasureForm
      defaultValues={defaults}
      mode={mode}
      fiscalYear={2566}
      codebook={makeCodebook(2566)}
      codebookLoading={false}
      submitLabel="บันทึก"
      onSubmit={onSubmit}
    />,
    { lang },
  );

describe('MeasureForm', () => {
  it('when the title is empty, then the shared schema’s Thai message shows on the field and nothing is sent', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    const title = screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม');
    expect(await screen.findByText('กรุณากรอกข้อความ')).toBeInTheDocument();
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('when "could not be carried out" has no reason, then the reason is required (Thai message)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit, toFormValues(makeMeasure()), { kind: 'edit', version: 3 });
    await user.click(screen.getByRole('radio', { name: 'ไม่สามารถดำเนินการได้' }));
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('กรุณาระบุเหตุผลที่ไม่สามารถดำเนินการได้')).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
    await user.type(screen.getByLabelText('เหตุผลที่ไม่สามารถดำเนินการได้'), 'งบประมาณไม่เพียงพอ');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'not_carried_out', outcomeReason: 'งบประมาณไม่เพียงพอ' }));
  });

  it('accepts only http(s) evidence links', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    await user.type(screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม'), 'เผยแพร่ข้อมูล');
    await user.click(screen.getByRole('button', { name: 'เพิ่มลิงก์หลักฐาน' }));
    await user.type(screen.getByLabelText('ลิงก์หลักฐานที่ 1'), 'javascript:alert(1)');
    await user.type(screen.getByLabelText('คำอธิบายหลักฐานที่ 1'), 'ลิงก์');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText(/ลิงก์ต้องขึ้นต้นด้วย http|ลิงก์ไม่ถูกต้อง/)).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('adds, numbers, moves and removes sub-actions, and adds an indicator from the codebook', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit);
    await user.type(screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม'), 'มาตรการใหม่');
    await user.click(screen.getByRole('button', { name: 'เพิ่มขั้นตอนย่อย' }));
    expect(screen.getByLabelText('ขั้นตอนที่ 1')).toHaveFocus();
    await user.keyboard('ขั้นแรก');
    await user.click(screen.getByRole('button', { name: 'เพิ่มขั้นตอนย่อย' }));
    await user.keyboard('ขั้นสอง');
    await user.click(screen.getByRole('button', { name: 'เลื่อนขึ้น ขั้นตอนที่ 2' }));
    expect(screen.getByLabelText('ขั้นตอนที่ 1')).toHaveValue('ขั้นสอง');
    await user.selectOptions(screen.getByLabelText('เลือกตัวชี้วัด'), 'O11 — แผนดำเนินงานและการใช้งบประมาณประจำปี');
    await user.click(screen.getByRole('button', { name: 'เพิ่มตัวชี้วัด' }));
    expect(screen.getByText('O11 — แผนดำเนินงานและการใช้งบประมาณประจำปี', { selector: 'span' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({
        title: 'มาตรการใหม่',
        actions: ['ขั้นสอง', 'ขั้นแรก'],
        indicators: [{ fiscalYear: 2566, code: 'O11', raw: null }],
      }),
    );
  });

  it('when the server answers 400, then each issue is shown on its field', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'ข้อมูลไม่ถูกต้อง',
        issues: [
          { path: 'body.title', message: 'ชื่อนี้ซ้ำกับมาตรการอื่น' },
          { path: 'body.version', message: 'version ต้องเป็นจำนวนเต็มบวก' },
        ],
      });
    });
    renderForm(onSubmit);
    await user.type(screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม'), 'มาตรการ');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('ชื่อนี้ซ้ำกับมาตรการอื่น')).toBeInTheDocument();
    expect(screen.getByLabelText('มาตรการ / โครงการ / กิจกรรม')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('version ต้องเป็นจำนวนเต็มบวก');
  });

  it('when the server answers 400 in the English UI, then the field shows an English message written from the issue code and params', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw new ApiError({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: 'ข้อมูลไม่ถูกต้อง',
        issues: [
          { path: 'body.title', message: 'ยาวได้ไม่เกิน 500 ตัวอักษร', code: 'too_big', params: { maximum: 500, origin: 'string' } },
          { path: 'body.plannedEnd', message: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม', code: 'custom', params: { key: 'endBeforeStart' } },
          // A code no catalogue knows: the server's text is all there is.
          { path: 'body.summary', message: 'ข้อความจากเซิร์ฟเวอร์', code: 'something_new' },
        ],
      });
    });
    renderForm(onSubmit, EMPTY_MEASURE, { kind: 'create' }, 'en');
    await user.type(screen.getByLabelText('Measure / project / activity'), 'A measure');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('At most 500 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Measure / project / activity')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('The end date cannot be before the start date')).toBeInTheDocument();
    expect(screen.queryByText('ยาวได้ไม่เกิน 500 ตัวอักษร')).not.toBeInTheDocument();
    expect(screen.queryByText('วันสิ้นสุดต้องไม่ก่อนวันเริ่ม')).not.toBeInTheDocument();
  });

  it('when the title is empty in the English UI, then the client-side check says so in English', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => undefined);
    renderForm(onSubmit, EMPTY_MEASURE, { kind: 'create' }, 'en');
    await user.click(screen.getByRole('button', { name: 'บันทึก' }));
    expect(await screen.findByText('Please fill in this field')).toBeInTheDocument();
    expect(screen.queryByText('กรุณากรอกข้อความ')).not.toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

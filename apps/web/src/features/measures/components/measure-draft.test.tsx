import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch } from '@/testing/mock-fetch';
import { MEASURE_ID, makeCodebook, makeMeasure } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { MeasureEditor } from './measure-editor';

afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

const SUMMARY = 'สรุปผลการดำเนินการตามมาตรการหรือกิจกรรม';
const KEY = `prongsai.measureDraft.${MEASURE_ID}`;

describe('the measure form keeps a local draft and warns before unsaved changes are lost (issue 14)', () => {
  it(
    'when the tab closes with unsaved typing, then the next visit offers the draft back, restoring it fills the form, and saving removes it',
    { timeout: 20_000 },
    async () => {
      const user = userEvent.setup();
      mockFetch([
        { path: '/codebooks/2566', body: makeCodebook(2566) },
        { method: 'PATCH', path: `/measures/${MEASURE_ID}`, body: makeMeasure({ version: 4, summary: 'ร่างที่ยังไม่ได้บันทึก' }) },
      ]);
      const first = renderWithProviders(<MeasureEditor measure={makeMeasure({ version: 3 })} fiscalYear={2566} readOnly={false} />);
      await user.clear(screen.getByLabelText(SUMMARY));
      await user.type(screen.getByLabelText(SUMMARY), 'ร่างที่ยังไม่ได้บันทึก');
      // Leaving now is warned about by the browser…
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      expect(leaving.defaultPrevented).toBe(true);
      // …and the typing is in localStorage.
      await waitFor(() => expect(JSON.parse(window.localStorage.getItem(KEY) ?? '{}').values?.summary).toBe('ร่างที่ยังไม่ได้บันทึก'));
      first.unmount();

      renderWithProviders(<MeasureEditor measure={makeMeasure({ version: 3 })} fiscalYear={2566} readOnly={false} />);
      expect(screen.getByLabelText(SUMMARY)).not.toHaveValue('ร่างที่ยังไม่ได้บันทึก');
      await user.click(screen.getByRole('button', { name: 'กู้คืนการแก้ไข' }));
      expect(screen.getByLabelText(SUMMARY)).toHaveValue('ร่างที่ยังไม่ได้บันทึก');
      await user.click(screen.getByRole('button', { name: 'บันทึก' }));
      expect(await screen.findByText('บันทึกแล้ว')).toBeInTheDocument();
      expect(window.localStorage.getItem(KEY)).toBeNull();
      const after = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(after);
      expect(after.defaultPrevented).toBe(false);
    },
  );

  it('when an in-app link is followed with unsaved changes and the user cancels, then the page stays', async () => {
    const user = userEvent.setup();
    mockFetch([{ path: '/codebooks/2566', body: makeCodebook(2566) }]);
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    renderWithProviders(
      <>
        <a href="/elsewhere">ไปหน้าอื่น</a>
        <MeasureEditor measure={makeMeasure({ version: 3 })} fiscalYear={2566} readOnly={false} />
      </>,
    );
    await user.type(screen.getByLabelText(SUMMARY), ' เพิ่ม');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
    screen.getByRole('link', { name: 'ไปหน้าอื่น' }).dispatchEvent(click);
    expect(confirm).toHaveBeenCalledWith('มีการแก้ไขที่ยังไม่ได้บันทึก ต้องการออกจากหน้านี้และทิ้งการแก้ไขหรือไม่');
    expect(click.defaultPrevented).toBe(true);
  });
});

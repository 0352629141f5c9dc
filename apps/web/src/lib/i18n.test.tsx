import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PreferencesSwitch } from '@/components/ui/preferences-switch';
import { DIGITS_STORAGE_KEY, I18nProvider, LANGUAGE_STORAGE_KEY, groupThousands, interpolate, useI18n } from './i18n';
import { en } from '@/locales/en';
import { enStaff } from '@/locales/en-staff';
import { th } from '@/locales/th';
import { thStaff } from '@/locales/th-staff';

function Probe() {
  const { t, formatPartial, formatNumber } = useI18n();
  return (
    <div>
      <p data-testid="button">{t('createPlan.submit', { fiscalYear: 2567 })}</p>
      <p data-testid="date">{formatPartial({ date: '2023-03-07', precision: 'day' })}</p>
      <p data-testid="month">{formatPartial({ date: '2023-03-01', precision: 'month' })}</p>
      <p data-testid="number">{formatNumber(42)}</p>
    </div>
  );
}

const renderApp = () =>
  render(
    <I18nProvider>
      <PreferencesSwitch />
      <Probe />
    </I18nProvider>,
  );

describe('i18n', () => {
  it('when nothing is stored, then Thai with Thai digits and BE dates, and <html lang="th">', () => {
    renderApp();
    expect(screen.getByTestId('button')).toHaveTextContent('สร้างแผนปีงบประมาณ ๒๕๖๗');
    expect(screen.getByTestId('date')).toHaveTextContent('๗ มีนาคม ๒๕๖๖');
    expect(screen.getByTestId('month')).toHaveTextContent(/^มีนาคม ๒๕๖๖$/);
    expect(document.documentElement.lang).toBe('th');
  });

  it('when the reader picks Arabic digits, then numbers and dates switch and the choice is stored', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: '123' }));
    expect(screen.getByTestId('button')).toHaveTextContent('สร้างแผนปีงบประมาณ 2567');
    expect(screen.getByTestId('date')).toHaveTextContent('7 มีนาคม 2566');
    expect(screen.getByTestId('number')).toHaveTextContent('42');
    expect(window.localStorage.getItem(DIGITS_STORAGE_KEY)).toBe('arabic');
    expect(screen.getByRole('button', { name: '123' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('when the reader picks English, then text, <html lang> and stored language change; dates are CE', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByTestId('button')).toHaveTextContent('Create plan for FY 2024');
    expect(screen.getByTestId('date')).toHaveTextContent('7 March 2023');
    expect(screen.getByTestId('month')).toHaveTextContent(/^March 2023$/);
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    await user.click(screen.getByRole('button', { name: 'ไทย' }));
    expect(document.documentElement.lang).toBe('th');
  });

  it('when a language and digits were stored, then they are used on the next visit', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'th');
    window.localStorage.setItem(DIGITS_STORAGE_KEY, 'arabic');
    renderApp();
    expect(screen.getByTestId('button')).toHaveTextContent('2567');
  });

  it('interpolates numbers in the chosen digits and leaves text variables alone', () => {
    expect(interpolate('{a} · {b} · {missing}', { a: 12, b: 'O11' }, 'thai')).toBe('๑๒ · O11 · {missing}');
  });

  it('groups thousands and rounds decimals exactly as Intl.NumberFormat en-US does', () => {
    const values = [0, 7, -2.5, 0.5, 1.005, 1.045, 12.25, 33.333333, 99.995, 999.95, 1000, 7850, 1234567.891, 123456789012, 1e-7];
    for (const fractionDigits of [0, 1, 2]) {
      const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: fractionDigits });
      expect(values.map((value) => groupThousands(value, fractionDigits))).toEqual(values.map((value) => intl.format(value)));
    }
  });

  it('has the same keys in both catalogues (also enforced by the type checker), and no key in both parts', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort());
    expect(Object.keys(enStaff).sort()).toEqual(Object.keys(thStaff).sort());
    expect(Object.keys(thStaff).filter((key) => Object.hasOwn(th, key))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { Agency } from '@prongsai/shared';
import { makeAgency } from '@/testing/factories';
import { renderWithProviders } from '@/testing/test-utils';
import { PublicAgencyInfo } from './public-agency-info';

const agency = (overrides: Partial<Agency> = {}): Agency =>
  makeAgency({ address: '99 หมู่ 5 ตำบลบ้านซ่ง', postcode: '49110', phone: '042-611-234', ...overrides });

const valueOf = (term: string) => screen.getByText(term).closest('.facts__row')?.querySelector('dd');

describe('PublicAgencyInfo', () => {
  it('writes the address, postcode and phone in Thai digits when the reader chose them; the call link dials Arabic digits', () => {
    renderWithProviders(<PublicAgencyInfo agency={agency()} />, { digits: 'thai' });
    expect(valueOf('ที่อยู่')).toHaveTextContent(/^๙๙ หมู่ ๕ ตำบลบ้านซ่ง ๔๙๑๑๐$/);
    const phone = screen.getByRole('link', { name: '๐๔๒-๖๑๑-๒๓๔' });
    expect(phone).toHaveAttribute('href', 'tel:042611234');
  });

  it('writes them in Arabic digits when the reader chose those, even if the agency typed Thai ones; a postcode shows without an address', () => {
    renderWithProviders(<PublicAgencyInfo agency={agency({ address: null, postcode: '๔๙๑๑๐', phone: '๐๔๒ ๖๑๑ ๒๓๔' })} />, {
      digits: 'arabic',
    });
    expect(valueOf('ที่อยู่')).toHaveTextContent(/^49110$/);
    expect(screen.getByRole('link', { name: '042 611 234' })).toHaveAttribute('href', 'tel:042611234');
  });
});

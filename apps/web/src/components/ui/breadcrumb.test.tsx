import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithProviders } from '@/testing/test-utils';
import { Breadcrumb } from './breadcrumb';

describe('Breadcrumb', () => {
  it('links the pages above in order and marks the current page, with the languages given', () => {
    renderWithProviders(
      <Breadcrumb
        trail={[
          { to: '/public', label: 'ภาพรวมประเทศ' },
          { to: '/public/agencies/x', label: 'อบต.บางทรายน้อย', lang: 'th' },
        ]}
        current="Fiscal year 2567"
        currentLang="en"
      />,
    );
    const nav = screen.getByRole('navigation', { name: 'ตำแหน่งของหน้านี้' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/public', '/public/agencies/x']);
    expect(links[1]).toHaveAttribute('lang', 'th');
    // The label is wrapped for Thai line breaking (ThaiText): the marks are on its list item.
    const current = within(nav).getByText('Fiscal year 2567').closest('li');
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(current).toHaveAttribute('lang', 'en');
  });
});

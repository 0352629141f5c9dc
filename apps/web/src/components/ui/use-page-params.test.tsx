import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { renderWithProviders } from '@/testing/test-utils';
import { usePageParams } from './use-page-params';

function Harness() {
  const { page, update, clear } = usePageParams();
  const location = useLocation();
  return (
    <>
      <p data-testid="where">{`${location.search} page=${page}`}</p>
      <button type="button" onClick={() => update({ type: 'sao', page: undefined })}>
        filter
      </button>
      <button type="button" onClick={() => update({ page: 3, q: '' })}>
        page 3
      </button>
      <button type="button" onClick={clear}>
        clear
      </button>
    </>
  );
}

describe('usePageParams', () => {
  it('reads the page (1 when absent or invalid), sets and clears parameters in place, and clears them all', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness />, { route: '/list?fy=2567&page=2&q=x' });
    const where = screen.getByTestId('where');
    expect(where).toHaveTextContent('?fy=2567&page=2&q=x page=2');
    await user.click(screen.getByRole('button', { name: 'filter' }));
    expect(where).toHaveTextContent('?fy=2567&q=x&type=sao page=1');
    await user.click(screen.getByRole('button', { name: 'page 3' }));
    expect(where).toHaveTextContent('?fy=2567&type=sao&page=3 page=3');
    await user.click(screen.getByRole('button', { name: 'clear' }));
    expect(where).toHaveTextContent(/^page=1$/);
  });

  it('treats a page that is not a positive number as page 1', () => {
    renderWithProviders(<Harness />, { route: '/list?page=-4' });
    expect(screen.getByTestId('where')).toHaveTextContent('page=1');
  });
});

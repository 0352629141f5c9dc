import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '@/testing/test-utils';
import { SearchForm } from './search-form';

function Harness({ onSearch }: { onSearch: (query: string) => void }) {
  const [value, setValue] = useState('');
  return <SearchForm label="ค้นหาชื่อหน่วยงาน" value={value} onChange={setValue} onSearch={onSearch} lang="th" />;
}

describe('SearchForm', () => {
  it('is a search landmark whose button submits the trimmed text (Enter too)', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    renderWithProviders(<Harness onSearch={onSearch} />);
    expect(screen.getByRole('search')).toBeInTheDocument();
    const box = screen.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' });
    expect(box).toHaveAttribute('lang', 'th');
    await user.type(box, '  ชะโนด  ');
    await user.click(screen.getByRole('button', { name: 'ค้นหา' }));
    expect(onSearch).toHaveBeenLastCalledWith('ชะโนด');
    await user.clear(box);
    await user.type(box, 'บ้าน{Enter}');
    expect(onSearch).toHaveBeenLastCalledWith('บ้าน');
  });
});

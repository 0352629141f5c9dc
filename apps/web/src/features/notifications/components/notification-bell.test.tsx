import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { NotificationBell } from './notification-bell';

afterEach(() => vi.unstubAllGlobals());

describe('NotificationBell', () => {
  it('draws the bell as an inline SVG hidden from assistive technology, the button named by its text (no emoji glyph)', async () => {
    mockFetch([{ path: '/notifications', body: { items: [], page: 1, pageSize: 20, total: 0, unreadCount: 3 } }]);
    renderWithProviders(<NotificationBell />, { lang: 'en' });
    const bell = await screen.findByRole('button', { name: 'Notifications, 3 unread' });
    const icon = bell.querySelector('svg');
    expect(icon).not.toBeNull();
    expect(icon).toHaveAttribute('aria-hidden', 'true');
    expect(bell.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});

describe('icons in the web app', () => {
  // Every component and page source: no emoji or symbol glyph drawn as an icon (a machine without
  // the font shows an empty box). Text arrows in sentences ("before → after") are words, not icons.
  const sources = import.meta.glob(['/src/**/*.tsx', '!/src/**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

  it('uses components/ui/icons.tsx, not glyphs, in markup', () => {
    const ICON_GLYPH = /[\u2191\u2193\u2195\u21C5\u25B2-\u25BC\u2600-\u27BF\u2B00-\u2BFF\u00D7]|\p{Extended_Pictographic}/u;
    const offending = Object.entries(sources).flatMap(([path, text]) =>
      String(text)
        .split('\n')
        // Comments describe, markup draws: only lines outside comments count.
        .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line) && ICON_GLYPH.test(line))
        .map((line) => `${path}: ${line.trim()}`),
    );
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    expect(offending).toEqual([]);
  });
});

import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on narrow screens. The scrolling box is focusable and named,
 * so keyboard users can scroll it too (WCAG 2.1.1; axe "scrollable-region-focusable").
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap table-wrap--scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

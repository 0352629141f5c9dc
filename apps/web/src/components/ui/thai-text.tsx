import { Children, useMemo, type ReactNode } from 'react';
import { thaiUnits } from '@/lib/thai-break';

/**
 * Text whose Thai words and names do not break across lines (see lib/thai-break.ts): each glued
 * unit is a no-wrap span, the text content is exactly `children`. For headings, buttons, names and
 * table headers; long running text keeps the browser's own breaking.
 */
export function ThaiText({ children, keep }: { children: string; keep?: readonly string[] }) {
  const units = useMemo(() => thaiUnits(children, keep), [children, keep]);
  // One inline wrapper: inside a flex container (a .button) the pieces stay one flex item, so no gap
  // opens between them and accessible names are computed without spaces between the pieces.
  return (
    <span className="thai-text">
      {units.map((unit, index) =>
        unit.keep ? (
          <span key={index} className="keep-word">
            {unit.text}
          </span>
        ) : (
          unit.text
        ),
      )}
    </span>
  );
}

/** Text children as `ThaiText` (Thai words break only between words); other children as they are. */
export function withThaiText(children: ReactNode): ReactNode {
  if (typeof children === 'string') return children ? <ThaiText>{children}</ThaiText> : children;
  if (!Array.isArray(children)) return children;
  return Children.map(children, (child: ReactNode) => (typeof child === 'string' && child.trim() ? <ThaiText>{child}</ThaiText> : child));
}

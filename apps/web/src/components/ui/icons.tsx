import type { ReactNode, SVGProps } from 'react';

/**
 * Small line icons drawn inline, in place of emoji and symbol glyphs: a glyph depends on the fonts
 * of the machine (headless Chromium without an emoji font draws 🔔 as an empty box). Each is
 * `aria-hidden`, 1em square in the text's colour; the control it sits in carries the accessible name.
 */
function Icon({ children, className, ...props }: SVGProps<SVGSVGElement> & { children: ReactNode }) {
  return (
    <svg
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ? `icon ${className}` : 'icon'}
      {...props}
    >
      {children}
    </svg>
  );
}

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'>;

export const BellIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M4 11.5V7a4 4 0 0 1 8 0v4.5l1.2 1.2H2.8z" />
    <path d="M6.5 14a1.6 1.6 0 0 0 3 0" />
  </Icon>
);

export const WarningIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 1.8 15 14H1z" />
    <path d="M8 6.2v3.6" />
    <circle cx="8" cy="11.9" r="0.5" fill="currentColor" />
  </Icon>
);

export const CheckIcon = (props: IconProps) => (
  <Icon strokeWidth={2.2} {...props}>
    <path d="m2.5 8.5 3.5 3.5 7.5-8" />
  </Icon>
);

export const ArrowUpIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 13.5v-11M3.5 7 8 2.5 12.5 7" />
  </Icon>
);

export const ArrowDownIcon = (props: IconProps) => (
  <Icon {...props}>
    <path d="M8 2.5v11M3.5 9 8 13.5 12.5 9" />
  </Icon>
);

/** A sortable column's state: ascending, descending, or not sorted (both arrows). */
export const SortIcon = ({ direction, ...props }: IconProps & { direction: 'asc' | 'desc' | 'none' }) => (
  <Icon {...props}>
    {direction !== 'desc' && <path d={direction === 'asc' ? 'M4 10 8 5l4 5z' : 'M5 6.5 8 3l3 3.5z'} fill="currentColor" />}
    {direction !== 'asc' && <path d={direction === 'desc' ? 'M4 6l4 5 4-5z' : 'M5 9.5 8 13l3-3.5z'} fill="currentColor" />}
  </Icon>
);

export const CloseIcon = (props: IconProps) => (
  <Icon strokeWidth={2} {...props}>
    <path d="m3.5 3.5 9 9M12.5 3.5l-9 9" />
  </Icon>
);

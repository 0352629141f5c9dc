import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '@/lib/i18n';
import { ThaiText } from '@/components/ui/thai-text';

export interface Crumb {
  to: string;
  label: ReactNode;
  /** The language of the label when it differs from the page's, e.g. `th` for an agency's Thai name. */
  lang?: string;
}

/** Where the page sits: links to the pages above it, then the page itself (`aria-current="page"`). */
export function Breadcrumb({ trail, current, currentLang }: { trail: Crumb[]; current: ReactNode; currentLang?: string }) {
  const t = useT();
  return (
    <nav aria-label={t('layout.breadcrumb')} className="breadcrumb">
      <ol>
        {trail.map((crumb, index) => (
          <li key={index}>
            <Link to={crumb.to} lang={crumb.lang}>
              {typeof crumb.label === 'string' ? <ThaiText>{crumb.label}</ThaiText> : crumb.label}
            </Link>
          </li>
        ))}
        <li aria-current="page" lang={currentLang}>
          {typeof current === 'string' ? <ThaiText>{current}</ThaiText> : current}
        </li>
      </ol>
    </nav>
  );
}

import type { ReactNode } from 'react';
import { withDigits, type Agency } from '@prongsai/shared';
import { useI18n } from '@/lib/i18n';
import '@/components/ui/facts.css';

/** Where the agency is and how to reach it (as it gave these details). */
export function PublicAgencyInfo({ agency }: { agency: Agency }) {
  const { t, digitsOf } = useI18n();
  const website = agency.website ? (/^https?:\/\//i.test(agency.website) ? agency.website : `https://${agency.website}`) : null;
  const rows: { key: string; term: string; value: ReactNode }[] = [
    {
      key: 'type',
      term: t('public.col.type'),
      value:
        agency.type === 'municipality' && agency.municipalityClass
          ? t(`municipalityClass.${agency.municipalityClass}`)
          : t(`agencyType.${agency.type}`),
    },
    ...(agency.districtNameTh ? [{ key: 'district', term: t('public.col.district'), value: agency.districtNameTh }] : []),
    { key: 'province', term: t('public.col.province'), value: agency.provinceNameTh },
    // Numbers in the reader's digits: house numbers, หมู่, the postcode (even without an address) and
    // the phone; the call link dials the Arabic ones.
    ...(agency.address || agency.postcode
      ? [
          {
            key: 'address',
            term: t('public.agency.address'),
            value: digitsOf([agency.address, agency.postcode].filter(Boolean).join(' ')),
          },
        ]
      : []),
    ...(agency.phone
      ? [
          {
            key: 'phone',
            term: t('public.agency.phone'),
            value: <a href={`tel:${withDigits(agency.phone, 'arabic').replace(/[^\d+]/g, '')}`}>{digitsOf(agency.phone)}</a>,
          },
        ]
      : []),
    ...(website
      ? [
          {
            key: 'website',
            term: t('public.agency.website'),
            value: (
              <a href={website} target="_blank" rel="noopener noreferrer nofollow">
                {agency.website} <span className="visually-hidden">{t('common.opensInNewTab')}</span>
              </a>
            ),
          },
        ]
      : []),
    ...(agency.facebook ? [{ key: 'facebook', term: t('public.agency.facebook'), value: agency.facebook }] : []),
  ];
  return (
    <dl className="facts" lang="th">
      {rows.map((row) => (
        <div key={row.key} className="facts__row">
          <dt>{row.term}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

import type { AgencyType, MunicipalityClass } from '@prongsai/shared';
import { useT } from '@/lib/i18n';

export function AgencyTypeLabel({ type, municipalityClass }: { type: AgencyType; municipalityClass: MunicipalityClass | null }) {
  const t = useT();
  if (type === 'municipality' && municipalityClass) return <>{t(`municipalityClass.${municipalityClass}`)}</>;
  return <>{t(`agencyType.${type}`)}</>;
}

import { Link } from 'react-router';
import type { SimilarMeasure, SimilarText } from '@prongsai/shared';
import { paths } from '@/config/paths';
import { useI18n } from '@/lib/i18n';
import { ErrorState } from '@/components/ui/error-state';
import { Loading } from '@/components/ui/loading';
import { useSimilarMeasures } from '../api/get-similar-measures';
import { TextDiff } from './text-diff';
import '../similarity.css';

function TextMatches({ text }: { text: SimilarText }) {
  const { t } = useI18n();
  const field = text.field === 'action' ? t('similar.field.action', { position: text.position + 1 }) : t(`similar.field.${text.field}`);
  if (text.kind === 'template') {
    return (
      <li className="similar-text similar-text--template">
        <span className="similar-kind similar-kind--template">{t('similar.kind.template')}</span> {field}:{' '}
        {t('similar.templateShared', { count: text.agencyCount })}
      </li>
    );
  }
  return (
    <li className={`similar-text similar-text--${text.kind}`}>
      <p>
        <span className={`similar-kind similar-kind--${text.kind}`}>{t(`similar.kind.${text.kind}`)}</span> {field}
      </p>
      <ul className="similar-others">
        {text.others.map((other) => (
          <li key={`${other.measureId}`}>
            <p className="similar-other">
              {t('similar.similarTo')} <Link to={paths.plan.getHref(other.agencyId, other.fiscalYear)}>{other.agencyNameTh}</Link>{' '}
              {t('similar.where', { province: other.provinceNameTh, fiscalYear: other.fiscalYear, sequence: other.sequence })}
              {other.first !== 'unknown' && <strong> · {t(`similar.first.${other.first}`)}</strong>}
              {other.namesOther && <strong className="similar-named"> · {t('similar.namesOther')}</strong>}
            </p>
            <TextDiff mine={text.text} other={other.text} otherLabel={t('similar.otherText', { agency: other.agencyNameTh })} />
          </li>
        ))}
      </ul>
    </li>
  );
}

function MeasureMatches({ measure, position }: { measure: SimilarMeasure; position: number }) {
  const { t } = useI18n();
  return (
    <li className="similar-measure">
      <h3>
        {t('measure.numbered', { sequence: position })}: {measure.title}
      </h3>
      <ul className="similar-texts">
        {measure.texts.map((text) => (
          <TextMatches key={`${text.field}-${text.position}`} text={text} />
        ))}
      </ul>
    </li>
  );
}

/** Reviewers: "similar to …" for each measure of the plan whose texts other agencies share (ADR 014). */
export function SimilarMeasures({ planId, positionOf }: { planId: string; positionOf: (sequence: number) => number }) {
  const { t } = useI18n();
  const similar = useSimilarMeasures(planId, true);
  return (
    <section aria-labelledby="similar-title" className="similar">
      <h2 id="similar-title">{t('similar.title')}</h2>
      {similar.isPending ? (
        <Loading />
      ) : similar.isError ? (
        <ErrorState error={similar.error} onRetry={() => void similar.refetch()} />
      ) : similar.data.measures.length === 0 ? (
        <p className="muted">{t('similar.none')}</p>
      ) : (
        <>
          <p className={similar.data.copiedCount > 0 ? 'notice notice--warning' : 'muted'}>
            {t('similar.summary', { copied: similar.data.copiedCount, shared: similar.data.measures.length })}
          </p>
          <ul className="similar-measures">
            {similar.data.measures.map((measure) => (
              <MeasureMatches key={measure.measureId} measure={measure} position={positionOf(measure.sequence)} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

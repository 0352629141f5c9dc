import { useId, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { isEditablePlanStatus, validFiscalYears, PlanStatusSchema, type ImportPreview } from '@prongsai/shared';
import { useAgency } from '@/features/agencies/api/get-agency';
import { useCommitImport } from '@/features/imports/api/commit-import';
import { usePreviewImport } from '@/features/imports/api/preview-import';
import { ImportPreviewTable } from '@/features/imports/components/import-preview-table';
import { ImportSourceForm } from '@/features/imports/components/import-source-form';
import { reportWarnings, rowsFromPreview, toCommitInput, type ImportRow } from '@/features/imports/utils/import-rows';
import { storePlan } from '@/features/plans/api/get-plan';
import { paths } from '@/config/paths';
import { useAuth } from '@/lib/auth';
import { isMessageKey, useI18n } from '@/lib/i18n';
import { useZodIssueText } from '@/lib/field-issue-text';
import { useDocumentTitle } from '@/lib/use-document-title';
import { warningCodeLabel, warningText } from '@/lib/warning-text';
import { EmptyState } from '@/components/ui/empty-state';
import { InlineError } from '@/components/ui/error-state';
import { Button } from '@/components/ui/button';
import { Breadcrumb } from '@/components/ui/breadcrumb';
import { useAgencyTrail } from './agency-trail';
import '@/features/plans/plans.css';
import '@/components/ui/facts.css';

/** Whether the plan the preview would go into can no longer be changed (a status string from the server). */
const isLockedStatus = (status: string): boolean => {
  const parsed = PlanStatusSchema.safeParse(status);
  return parsed.success && !isEditablePlanStatus(parsed.data);
};

/**
 * นำเข้ารายงาน: upload or paste a report, check what was understood (and fix it), then save the
 * measures into that year's draft plan. Nothing is written before "บันทึกลงแผน".
 */
export function AgencyImportRoute() {
  const i18n = useI18n();
  const { t, formatFiscalYear } = i18n;
  const id = useId();
  const { agencyId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const agency = useAgency(agencyId);
  const preview = usePreviewImport(agencyId);
  const [result, setResult] = useState<ImportPreview>();
  const [rows, setRows] = useState<ImportRow[]>([]);
  const [removed, setRemoved] = useState<ImportRow[]>([]);
  const [fiscalYear, setFiscalYear] = useState<number>();
  const [invalid, setInvalid] = useState<string>();
  const commit = useCommitImport(agencyId, {
    onSuccess: (plan) => {
      storePlan(queryClient, plan);
      void navigate(paths.plan.getHref(plan.agencyId, plan.fiscalYear), {
        state: { notice: t('import.saved', { count: rows.length, fiscalYear: plan.fiscalYear }) },
      });
    },
  });
  const agencyName = agency.data?.nameTh ?? (user?.agencyId === agencyId ? user.agencyName : null) ?? t('agency.title');
  const trail = useAgencyTrail(agencyId, agencyName);
  useDocumentTitle(t('import.title'));
  const statusLabel = (status: string) => {
    const key = `planStatus.${status}`;
    return isMessageKey(key) ? t(key) : status;
  };

  const startOver = () => {
    preview.reset();
    commit.reset();
    setResult(undefined);
    setRows([]);
    setRemoved([]);
    setInvalid(undefined);
  };

  const issueText = useZodIssueText();
  const save = () => {
    setInvalid(undefined);
    if (!fiscalYear) return setInvalid(t('import.needYear'));
    if (rows.length === 0) return setInvalid(t('import.noRows'));
    const parsed = toCommitInput(rows, fiscalYear, result?.report.introText ?? null);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const row = typeof issue?.path[1] === 'number' ? issue.path[1] + 1 : undefined;
      return setInvalid(
        row !== undefined
          ? t('import.rowInvalid', { number: row, message: issueText(issue) ?? '' })
          : (issueText(issue) ?? t('errors.VALIDATION_FAILED')),
      );
    }
    commit.mutate({ fiscalYear, input: parsed.data });
  };

  const sameYearAsPreview = result && fiscalYear === result.report.fiscalYear;
  const blockedStatus =
    sameYearAsPreview && result.existingPlanStatus && isLockedStatus(result.existingPlanStatus) ? result.existingPlanStatus : null;

  return (
    <div className="page import-page">
      <Breadcrumb trail={trail} current={t('import.title')} />
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>

      {!result ? (
        <>
          <ImportSourceForm
            years={validFiscalYears()}
            pending={preview.isPending}
            onSubmit={(input) =>
              preview.mutate(input, {
                onSuccess: (data) => {
                  setResult(data);
                  setRows(rowsFromPreview(data));
                  setRemoved([]);
                  setFiscalYear(data.report.fiscalYear ?? input.fiscalYear);
                },
              })
            }
          />
          <InlineError error={preview.error} />
        </>
      ) : (
        <section aria-labelledby={`${id}-preview`} className="section">
          <h2 id={`${id}-preview`}>{t('import.previewTitle', { count: rows.length })}</h2>
          <dl className="facts card">
            <div className="facts__row">
              <dt>{t('import.readAgency')}</dt>
              <dd lang="th">{result.report.agency.name ?? t('import.notStated')}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('import.readYear')}</dt>
              <dd>{result.report.fiscalYear ? formatFiscalYear(result.report.fiscalYear) : t('import.notStated')}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('import.existingPlan')}</dt>
              <dd>{result.existingPlanStatus ? statusLabel(result.existingPlanStatus) : t('import.noExistingPlan')}</dd>
            </div>
          </dl>
          {result.report.agency.name && result.report.agency.name !== result.agencyNameTh && (
            <p className="notice notice--info">
              {t('import.otherAgency', { name: result.report.agency.name, agency: result.agencyNameTh })}
            </p>
          )}
          {reportWarnings(result).length > 0 && (
            <section className="warnings" aria-label={t('import.reportWarnings')}>
              <p className="warnings__title">{t('import.reportWarnings')}</p>
              <ul>
                {reportWarnings(result).map((warning, index) => (
                  <li key={`${warning.code}-${index}`}>
                    <strong>{warningCodeLabel(warning.code, i18n.t)}:</strong>{' '}
                    <span lang={warningText(warning, i18n).lang}>{warningText(warning, i18n).text}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <div className="toolbar">
            <div className="field">
              <label htmlFor={`${id}-year`}>{t('import.targetYear')}</label>
              <select
                id={`${id}-year`}
                value={fiscalYear ?? ''}
                aria-invalid={!fiscalYear || undefined}
                onChange={(event) => setFiscalYear(event.target.value ? Number(event.target.value) : undefined)}
              >
                <option value="">{t('import.chooseYear')}</option>
                {validFiscalYears().map((year) => (
                  <option key={year} value={year}>
                    {formatFiscalYear(year)}
                  </option>
                ))}
              </select>
            </div>
            {!result.report.fiscalYear && <p className="field__hint">{t('import.yearNotInFile')}</p>}
          </div>
          {blockedStatus && <p className="notice notice--info">{t('import.planLocked', { status: statusLabel(blockedStatus) })}</p>}

          {rows.length === 0 ? (
            <EmptyState title={t('import.noRows')} />
          ) : (
            <ImportPreviewTable
              rows={rows}
              fiscalYear={fiscalYear}
              onChange={(key, patch) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)))}
              onRemove={(row) => {
                setRows((current) => current.filter((entry) => entry.key !== row.key));
                setRemoved((current) => [...current, row]);
              }}
            />
          )}
          {removed.length > 0 && (
            <details className="deleted-measures">
              <summary>{t('import.removed', { count: removed.length })}</summary>
              <ul>
                {removed.map((row) => (
                  <li key={row.key}>
                    <span className="deleted-measures__title" lang="th">
                      {row.title.slice(0, 120)}
                    </span>
                    <Button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => {
                        setRemoved((current) => current.filter((entry) => entry.key !== row.key));
                        setRows((current) => [...current, row]);
                      }}
                    >
                      {t('import.restore')} <span className="visually-hidden">{row.title.slice(0, 80)}</span>
                    </Button>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {invalid && (
            <p className="form-error" role="alert">
              {invalid}
            </p>
          )}
          <InlineError error={commit.error} />
          <div className="form__actions form__actions--sticky">
            <Button type="button" className="button button--primary" disabled={commit.isPending} onClick={save}>
              {commit.isPending ? t('common.saving') : t('import.save')}
            </Button>
            <Button type="button" className="button button--secondary" disabled={commit.isPending} onClick={startOver}>
              {t('import.startOver')}
            </Button>
          </div>
          <p className="muted small">{t('import.saveHelp')}</p>
        </section>
      )}
    </div>
  );
}

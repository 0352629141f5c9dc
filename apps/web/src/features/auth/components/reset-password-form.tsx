import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { ResetPasswordInputSchema, type ResetPasswordInput } from '@prongsai/shared';
import type { z } from 'zod';
import { useT } from '@/lib/i18n';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { useRedeemPasswordReset } from '../api/redeem-password-reset';

type ResetPasswordFormValues = z.input<typeof ResetPasswordInputSchema>;

export function ResetPasswordForm({ initialCode, onSuccess }: { initialCode: string; onSuccess: () => void }) {
  const t = useT();
  const errorMessage = useApiErrorMessage();
  const redeem = useRedeemPasswordReset();
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<ResetPasswordFormValues, unknown, ResetPasswordInput>({
    resolver: zodResolver(ResetPasswordInputSchema),
    defaultValues: { code: initialCode, password: '' },
  });

  const onSubmit = handleSubmit(async (input) => {
    await redeem.mutateAsync(input).then(onSuccess, () => undefined);
  });

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate>
      {redeem.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorMessage(redeem.error)}</p>
        </div>
      )}
      <div className="field">
        <label htmlFor="reset-code">{t('resetPassword.code')}</label>
        <input
          id="reset-code"
          autoComplete="one-time-code"
          aria-invalid={Boolean(errors.code) || undefined}
          aria-describedby={errors.code ? 'reset-code-error' : undefined}
          {...register('code')}
        />
        {errors.code?.message && (
          <p id="reset-code-error" className="field__error">
            {errors.code.message}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="reset-password">{t('resetPassword.password')}</label>
        <input
          id="reset-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={Boolean(errors.password) || undefined}
          aria-describedby={errors.password ? 'reset-password-error' : 'reset-password-hint'}
          {...register('password')}
        />
        <p id="reset-password-hint" className="muted">
          {t('resetPassword.hint')}
        </p>
        {errors.password?.message && (
          <p id="reset-password-error" className="field__error">
            {errors.password.message}
          </p>
        )}
      </div>
      <button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? t('resetPassword.submitting') : t('resetPassword.submit')}
      </button>
    </form>
  );
}

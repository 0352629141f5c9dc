import { useForm } from 'react-hook-form';
import { ResetPasswordInputSchema, type ResetPasswordInput } from '@prongsai/shared';
import type { z } from 'zod';
import { useT } from '@/lib/i18n';
import { useLocalisedZodResolver } from '@/lib/field-issue-text';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { FormField } from '@/components/ui/form-field';
import { useRedeemPasswordReset } from '../api/redeem-password-reset';
import { Button } from '@/components/ui/button';
import '@/components/ui/reset-code.css';

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
    resolver: useLocalisedZodResolver(ResetPasswordInputSchema),
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
      <FormField label={t('resetPassword.code')} id="reset-code" error={errors.code?.message}>
        {(control) => <input {...control} autoComplete="one-time-code" {...register('code')} />}
      </FormField>
      <FormField label={t('resetPassword.password')} id="reset-password" error={errors.password?.message}>
        {(control) => (
          <>
            {/* The rule is a muted line rather than a field hint, and the error replaces it as the description. */}
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              aria-describedby={control['aria-describedby'] ?? 'reset-password-hint'}
              {...register('password')}
            />
            <p id="reset-password-hint" className="muted">
              {t('resetPassword.hint')}
            </p>
          </>
        )}
      </FormField>
      <Button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? t('resetPassword.submitting') : t('resetPassword.submit')}
      </Button>
    </form>
  );
}

import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { LoginInputSchema, type LoginInput, type SessionUser } from '@prongsai/shared';
import type { z } from 'zod';
import { useAuth } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import { useLocalisedZodResolver } from '@/lib/field-issue-text';
import { useApiErrorMessage } from '@/lib/use-api-error-message';
import { FormField } from '@/components/ui/form-field';
import { Button } from '@/components/ui/button';

type LoginFormValues = z.input<typeof LoginInputSchema>;

export function LoginForm({ onSuccess }: { onSuccess: (user: SessionUser) => void }) {
  const t = useT();
  const { login } = useAuth();
  const errorMessage = useApiErrorMessage();
  const [submitError, setSubmitError] = useState<unknown>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<LoginFormValues, unknown, LoginInput>({
    resolver: useLocalisedZodResolver(LoginInputSchema),
    defaultValues: { email: '', password: '' },
  });

  const onSubmit = handleSubmit(async (input) => {
    setSubmitError(null);
    try {
      onSuccess(await login(input));
    } catch (error) {
      setSubmitError(error);
    }
  });

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate>
      {submitError !== null && (
        <div className="alert alert--error" role="alert">
          <p>{errorMessage(submitError)}</p>
        </div>
      )}
      <FormField label={t('login.email')} id="login-email" error={errors.email?.message}>
        {(control) => <input {...control} type="email" autoComplete="username" inputMode="email" {...register('email')} />}
      </FormField>
      <FormField label={t('login.password')} id="login-password" error={errors.password?.message}>
        {(control) => <input {...control} type="password" autoComplete="current-password" {...register('password')} />}
      </FormField>
      <Button type="submit" className="button button--primary button--block" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </Button>
    </form>
  );
}

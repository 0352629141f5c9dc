import { Router } from 'express';
import { LoginInputSchema, MeResponseSchema, ResetPasswordInputSchema } from '@prongsai/shared';
import { clearSessionCookie, setSessionCookie } from '../../http/cookies';
import { parseBody, shape } from '../../http/parse';
import { getMe, login, logout, redeemPasswordReset, type SessionSettings } from './auth.service';

export function authRouter(settings: SessionSettings): Router {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    const input = parseBody(req, LoginInputSchema);
    const result = await login(input, req.ip ?? null, req.get('user-agent') ?? null, settings);
    setSessionCookie(req, res, result.token, result.expiresAt);
    res.json(shape(MeResponseSchema, { user: result.user }));
  });

  router.post('/auth/logout', async (req, res) => {
    await logout(req.actor);
    clearSessionCookie(req, res);
    res.status(204).end();
  });

  router.get('/auth/me', async (req, res) => {
    res.json(shape(MeResponseSchema, { user: await getMe(req.actor) }));
  });

  router.post('/auth/password-reset', async (req, res) => {
    await redeemPasswordReset(parseBody(req, ResetPasswordInputSchema));
    res.status(204).end();
  });

  return router;
}

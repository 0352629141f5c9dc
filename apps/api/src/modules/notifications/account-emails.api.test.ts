import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationListResponseSchema } from '@prongsai/shared';
import { getPrisma } from '../../lib/prisma';
import { testApp } from '../../../test/app';
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink';
import { createAgency, createUser, signIn, unique } from '../../../test/factories';
import { createMailer } from './mailer';
import { createMailWorker } from './mail-worker';

/**
 * Account e-mails (issue 14): a new account and a password reset code reach the user by e-mail
 * whatever their preferences, through a real SMTP server (smtp-server over TCP). The reset code is in
 * the e-mail only: the app's list never shows it, and the stored notification forgets it once sent.
 */
const app = testApp();
const csrf = { 'x-prongsai-csrf': '1' };
const APP_URL = 'https://prongsai.example.go.th';

let sink: SmtpSink;
let smtpUrl = '';
beforeAll(async () => {
  sink = await startSmtpSink();
  smtpUrl = sink.url;
});
afterAll(() => sink.close());

/** Send this user's pending e-mails only (the shared test database holds other files' notifications). */
async function drainFor(userId: string): Promise<number> {
  await getPrisma().notificationEmail.updateMany({
    where: { status: 'pending', notification: { userId: { not: userId } } },
    data: { nextAttemptAt: new Date(Date.now() + 3600_000) },
  });
  return createMailWorker({
    mailer: createMailer({ smtpUrl, captureDir: '/nonexistent' }),
    from: 'Prongsai <no-reply@prongsai.example.go.th>',
    appUrl: APP_URL,
  }).drain();
}
const mailTo = (address: string) => sink.mailTo(address);

describe('account e-mails', () => {
  it('when an admin creates an account, then its user gets one e-mail with a sign-in link (account e-mails are never a matter of preference)', async () => {
    const agency = await createAgency();
    const admin = await signIn(app, await createUser('national_admin'));
    const email = `${unique('new')}@test.example`;

    const created = await admin
      .post('/api/v1/users')
      .set(csrf)
      .send({
        email,
        name: 'เจ้าหน้าที่ใหม่',
        password: 'a-sufficiently-long-pass',
        assignment: { role: 'agency_editor', agencyId: agency.id },
      });
    const userId = created.body.id as string;
    await drainFor(userId);

    expect(created.status).toBe(201);
    const mails = mailTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.mail.subject).toContain('บัญชีผู้ใช้ของคุณในระบบโปร่งใสพร้อมใช้งานแล้ว');
    expect(mails[0]!.mail.text).toContain(`${APP_URL}/login`);
    expect(mails[0]!.mail.text).toContain(email);
    expect(mails[0]!.mail.text).not.toContain('a-sufficiently-long-pass');
    const rows = await getPrisma().notification.findMany({ where: { userId } });
    expect(rows.map((row) => row.kind)).toEqual(['account_created']);
  });

  it('when an admin issues a reset code, then the user gets it by e-mail with a link, the app never shows it and the stored notification forgets it once sent', async () => {
    const agency = await createAgency();
    const user = await createUser('agency_editor', { agencyId: agency.id });
    await getPrisma().user.update({ where: { id: user.id }, data: { locale: 'en' } });
    const admin = await signIn(app, await createUser('national_admin'));

    const issued = await admin.post(`/api/v1/users/${user.id}/password-reset`).set(csrf).send({});
    const code = issued.body.code as string;
    const beforeSending = await signIn(app, user);
    const listed = NotificationListResponseSchema.parse((await beforeSending.get('/api/v1/notifications')).body);
    const listedRaw = JSON.stringify((await beforeSending.get('/api/v1/notifications')).body);
    await drainFor(user.id);

    expect(issued.status).toBe(201);
    expect(listed.items.map((item) => item.kind)).toContain('password_reset');
    expect(listedRaw).not.toContain(code);
    const mails = mailTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.mail.subject).toContain('A code to set a new Prongsai password');
    expect(mails[0]!.mail.text).toContain(code);
    expect(mails[0]!.mail.text).toContain(`${APP_URL}/reset-password?code=${encodeURIComponent(code)}`);
    const stored = await getPrisma().notification.findFirstOrThrow({ where: { userId: user.id, kind: 'password_reset' } });
    expect(JSON.stringify(stored.data)).not.toContain(code);
  });

  it('when a user tries to choose how they hear of account e-mails, then it is refused (they always come by e-mail)', async () => {
    const user = await signIn(app, await createUser('agency_editor', { agencyId: (await createAgency()).id }));

    const response = await user
      .put('/api/v1/notifications/preferences')
      .set(csrf)
      .send({ items: [{ kind: 'password_reset', delivery: 'app' }] });
    const listed = await user.get('/api/v1/notifications/preferences');

    expect(response.status).toBe(400);
    expect(JSON.stringify(listed.body)).not.toContain('password_reset');
  });
});

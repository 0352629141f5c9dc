import { formatDate, type DeadlineKind, type NotificationData, type NotificationKind } from '@prongsai/shared';

/**
 * A notification as an e-mail (ADR 010): Thai, or English for users whose `locale` is `en`; a
 * plain-text part and an HTML part with the same words; a link into the app; and a Message-ID that is
 * the same every time this notification is sent, so a resend after a crash is the same message.
 */
/** What the e-mail worker reads of a notification: its data, and a reset code where it has one. */
type EmailData = NotificationData & { code?: string | null };

export interface NotificationEmailInput {
  id: string;
  kind: NotificationKind;
  agencyId: string | null;
  data: EmailData;
  locale: string;
  recipientName: string;
}

export interface EmailContent {
  messageId: string;
  subject: string;
  text: string;
  html: string;
  link: string;
}

type Words = { subject: string; line: string };

const DEADLINE_TH: Record<DeadlineKind, string> = {
  plan_submitted: 'ส่งแผนให้จังหวัดตรวจสอบ',
  plan_published: 'เผยแพร่แผน',
  results_reported: 'รายงานผลการดำเนินการ',
};
const DEADLINE_EN: Record<DeadlineKind, string> = {
  plan_submitted: 'submitting the plan for review',
  plan_published: 'publishing the plan',
  results_reported: 'reporting the results',
};

const TH: Record<NotificationKind, (d: EmailData) => Words> = {
  plan_submitted: (d) => ({
    subject: `แผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh} รอการตรวจสอบ`,
    line: `${d.agencyNameTh} ส่งแผนปีงบประมาณ ${d.fiscalYear} ให้ตรวจสอบแล้ว`,
  }),
  plan_withdrawn: (d) => ({
    subject: `${d.agencyNameTh} ถอนแผนปีงบประมาณ ${d.fiscalYear} กลับไปแก้ไข`,
    line: `${d.agencyNameTh} ถอนการส่งแผนปีงบประมาณ ${d.fiscalYear} แล้ว แผนกลับเป็นร่างและไม่ต้องตรวจสอบจนกว่าจะส่งอีกครั้ง`,
  }),
  plan_returned: (d) => ({
    subject: `แผนปีงบประมาณ ${d.fiscalYear} ถูกส่งกลับให้แก้ไข`,
    line: `ผู้ตรวจสอบส่งแผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh} กลับให้แก้ไข`,
  }),
  plan_accepted: (d) => ({
    subject: `แผนปีงบประมาณ ${d.fiscalYear} ได้รับการอนุมัติแล้ว`,
    line: `ผู้ตรวจสอบอนุมัติแผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh} แล้ว`,
  }),
  plan_published: (d) => ({
    subject: `แผนปีงบประมาณ ${d.fiscalYear} เผยแพร่แล้ว`,
    line: `แผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh} เผยแพร่ต่อสาธารณะแล้ว`,
  }),
  plan_reopened: (d) => ({
    subject: `แผนปีงบประมาณ ${d.fiscalYear} ถูกเปิดให้แก้ไขอีกครั้ง`,
    line: `ผู้ตรวจสอบเปิดแผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh} ให้แก้ไขอีกครั้ง`,
  }),
  review_comment: (d) => ({
    subject: `ความเห็นใหม่จากผู้ตรวจสอบ: แผนปีงบประมาณ ${d.fiscalYear}`,
    line: `มีความเห็นใหม่ในแผนปีงบประมาณ ${d.fiscalYear} ของ${d.agencyNameTh}`,
  }),
  reopen_requested: (d) => ({
    subject: `${d.agencyNameTh} ขอให้เปิดแผนปีงบประมาณ ${d.fiscalYear} เพื่อแก้ไข`,
    line: `${d.agencyNameTh} ขอให้เปิดแผนปีงบประมาณ ${d.fiscalYear} ที่อนุมัติหรือเผยแพร่แล้วให้แก้ไขอีกครั้ง`,
  }),
  deadline_reminder: (d) => ({
    subject: `ใกล้ถึงกำหนด${DEADLINE_TH[d.deadlineKind ?? 'plan_submitted']} ปีงบประมาณ ${d.fiscalYear}`,
    line: `${d.agencyNameTh} ยังไม่ได้${DEADLINE_TH[d.deadlineKind ?? 'plan_submitted']} ปีงบประมาณ ${d.fiscalYear} ซึ่งมีกำหนดภายในวันที่ ${d.dueOn ? formatDate(d.dueOn, 'th', 'arabic') : '-'}`,
  }),
  account_created: (d) => ({
    subject: 'บัญชีผู้ใช้ของคุณในระบบโปร่งใสพร้อมใช้งานแล้ว',
    line: `ผู้ดูแลระบบ${d.actorName ? ` (${d.actorName})` : ''} สร้างบัญชีให้คุณแล้ว เข้าสู่ระบบด้วยอีเมล ${d.email ?? ''} และรหัสผ่านที่ผู้ดูแลระบบแจ้งให้ทราบ`,
  }),
  password_reset: (d) => ({
    subject: 'รหัสสำหรับตั้งรหัสผ่านใหม่ในระบบโปร่งใส',
    line: `ผู้ดูแลระบบออกรหัสสำหรับตั้งรหัสผ่านใหม่ให้คุณ รหัส: ${d.code ?? '-'} ใช้ได้ครั้งเดียวถึง ${d.expiresAt ? formatDate(d.expiresAt.slice(0, 10), 'th', 'arabic') : '-'} เมื่อตั้งรหัสผ่านใหม่แล้วทุกการเข้าสู่ระบบเดิมจะสิ้นสุด หากคุณไม่ได้ขอ กรุณาแจ้งผู้ดูแลระบบ`,
  }),
};

const EN: Record<NotificationKind, (d: EmailData) => Words> = {
  plan_submitted: (d) => ({
    subject: `${d.agencyNameTh}: the FY${d.fiscalYear} plan is waiting for review`,
    line: `${d.agencyNameTh} submitted its plan for fiscal year ${d.fiscalYear} for review.`,
  }),
  plan_withdrawn: (d) => ({
    subject: `${d.agencyNameTh} withdrew its FY${d.fiscalYear} plan`,
    line: `${d.agencyNameTh} withdrew its plan for fiscal year ${d.fiscalYear} from review. It is a draft again and needs no review until it is submitted again.`,
  }),
  plan_returned: (d) => ({
    subject: `Your FY${d.fiscalYear} plan was returned for changes`,
    line: `A reviewer returned the fiscal year ${d.fiscalYear} plan of ${d.agencyNameTh} for changes.`,
  }),
  plan_accepted: (d) => ({
    subject: `Your FY${d.fiscalYear} plan was accepted`,
    line: `A reviewer accepted the fiscal year ${d.fiscalYear} plan of ${d.agencyNameTh}.`,
  }),
  plan_published: (d) => ({
    subject: `Your FY${d.fiscalYear} plan is published`,
    line: `The fiscal year ${d.fiscalYear} plan of ${d.agencyNameTh} is now public.`,
  }),
  plan_reopened: (d) => ({
    subject: `Your FY${d.fiscalYear} plan was reopened for changes`,
    line: `A reviewer reopened the fiscal year ${d.fiscalYear} plan of ${d.agencyNameTh} for changes.`,
  }),
  review_comment: (d) => ({
    subject: `New review comment on your FY${d.fiscalYear} plan`,
    line: `There is a new review comment on the fiscal year ${d.fiscalYear} plan of ${d.agencyNameTh}.`,
  }),
  reopen_requested: (d) => ({
    subject: `${d.agencyNameTh} asks to reopen its FY${d.fiscalYear} plan`,
    line: `${d.agencyNameTh} asks the province to reopen its accepted or published plan for fiscal year ${d.fiscalYear} for changes.`,
  }),
  deadline_reminder: (d) => ({
    subject: `FY${d.fiscalYear}: ${DEADLINE_EN[d.deadlineKind ?? 'plan_submitted']} is due soon`,
    line: `${d.agencyNameTh} has not yet done this for fiscal year ${d.fiscalYear}: ${DEADLINE_EN[d.deadlineKind ?? 'plan_submitted']}, due by ${d.dueOn ? formatDate(d.dueOn, 'en', 'arabic') : '-'}.`,
  }),
  account_created: (d) => ({
    subject: 'Your Prongsai account is ready',
    line: `An administrator${d.actorName ? ` (${d.actorName})` : ''} created an account for you. Sign in with ${d.email ?? 'your e-mail address'} and the password the administrator gives you.`,
  }),
  password_reset: (d) => ({
    subject: 'A code to set a new Prongsai password',
    line: `An administrator issued a code for you to set a new password. Code: ${d.code ?? '-'} (single use, valid until ${d.expiresAt ? formatDate(d.expiresAt.slice(0, 10), 'en', 'arabic') : '-'}). Setting a new password ends every earlier sign-in. If you did not ask for it, tell your administrator.`,
  }),
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The same Message-ID for every attempt at one notification. */
export const messageIdOf = (notificationId: string, appUrl: string) => `<notification.${notificationId}@${new URL(appUrl).hostname}>`;

/** Where the notification leads in the app: the plan's page. */
export function linkOf(input: Pick<NotificationEmailInput, 'agencyId' | 'data'> & { kind?: NotificationKind }, appUrl: string): string {
  const base = appUrl.replace(/\/+$/, '');
  if (input.kind === 'account_created') return `${base}/login`;
  if (input.kind === 'password_reset')
    return `${base}/reset-password${input.data.code ? `?code=${encodeURIComponent(input.data.code)}` : ''}`;
  if (!input.agencyId || input.data.fiscalYear === null) return `${base}/`;
  return `${base}/agencies/${encodeURIComponent(input.agencyId)}/plans/${input.data.fiscalYear}`;
}

export function notificationEmail(input: NotificationEmailInput, appUrl: string): EmailContent {
  const english = input.locale === 'en';
  const words = (english ? EN : TH)[input.kind](input.data);
  const link = linkOf(input, appUrl);
  const greeting = english ? `Dear ${input.recipientName},` : `เรียน คุณ${input.recipientName}`;
  const by = input.data.actorName ? (english ? `By: ${input.data.actorName}` : `โดย: ${input.data.actorName}`) : null;
  const comment = input.data.comment ? (english ? `Comment: ${input.data.comment}` : `ความเห็น: ${input.data.comment}`) : null;
  const open =
    input.kind === 'account_created'
      ? english
        ? 'Sign in:'
        : 'เข้าสู่ระบบ:'
      : input.kind === 'password_reset'
        ? english
          ? 'Set a new password:'
          : 'ตั้งรหัสผ่านใหม่:'
        : english
          ? 'Open the plan:'
          : 'เปิดดูแผน:';
  const footer = english
    ? 'You receive this e-mail because of your role in Prongsai. Notifications are also in the app (the bell).'
    : 'คุณได้รับอีเมลนี้เพราะบทบาทของคุณในระบบโปร่งใส ดูการแจ้งเตือนทั้งหมดได้ที่ไอคอนกระดิ่งในระบบ';
  const lines = [greeting, '', words.line, by, comment, '', `${open} ${link}`, '', '-- ', footer].filter((line) => line !== null);
  const paragraphs = [words.line, by, comment].filter((line): line is string => line !== null);
  const html = `<!doctype html><html lang="${english ? 'en' : 'th'}"><body>
<p>${escapeHtml(greeting)}</p>
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
<p><a href="${escapeHtml(link)}">${escapeHtml(open)} ${escapeHtml(link)}</a></p>
<hr><p style="color:#666;font-size:small">${escapeHtml(footer)}</p>
</body></html>`;
  return {
    messageId: messageIdOf(input.id, appUrl),
    subject: `[${english ? 'Prongsai' : 'โปร่งใส'}] ${words.subject}`,
    text: lines.join('\n'),
    html,
    link,
  };
}

/**
 * The daily digest (issue 14): every notification of the kinds a user chose to hear of once a day, in
 * one message; one line and one link per notification. Its Message-ID is the user's and the day's, so a
 * resend after a crash is the same message.
 */
export function digestEmail(
  input: {
    userId: string;
    locale: string;
    recipientName: string;
    day: string;
    items: Omit<NotificationEmailInput, 'locale' | 'recipientName'>[];
  },
  appUrl: string,
): EmailContent {
  const english = input.locale === 'en';
  const lines = input.items.map((item) => ({
    line: (english ? EN : TH)[item.kind](item.data).line,
    comment: item.data.comment,
    link: linkOf(item, appUrl),
  }));
  const greeting = english ? `Dear ${input.recipientName},` : `เรียน คุณ${input.recipientName}`;
  const intro = english
    ? `Your Prongsai notifications of the past day (${lines.length}):`
    : `สรุปการแจ้งเตือนจากระบบโปร่งใสในรอบวันที่ผ่านมา (${lines.length} รายการ)`;
  const footer = english
    ? 'You chose a daily digest for these notifications (settings: notifications in the app).'
    : 'คุณเลือกรับการแจ้งเตือนเหล่านี้เป็นสรุปรายวัน (เปลี่ยนได้ที่การตั้งค่าการแจ้งเตือนในระบบ)';
  const settings = `${appUrl.replace(/\/+$/, '')}/settings/notifications`;
  const text = [
    greeting,
    '',
    intro,
    '',
    ...lines.flatMap((l, index) => [
      `${index + 1}. ${l.line}`,
      ...(l.comment ? [`   ${english ? 'Comment' : 'ความเห็น'}: ${l.comment}`] : []),
      `   ${l.link}`,
    ]),
    '',
    '-- ',
    footer,
    settings,
  ].join('\n');
  const html = `<!doctype html><html lang="${english ? 'en' : 'th'}"><body>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ol>
${lines.map((l) => `<li><a href="${escapeHtml(l.link)}">${escapeHtml(l.line)}</a>${l.comment ? `<br>${escapeHtml(l.comment)}` : ''}</li>`).join('\n')}
</ol>
<hr><p style="color:#666;font-size:small">${escapeHtml(footer)} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></p>
</body></html>`;
  return {
    messageId: `<digest.${input.userId}.${input.day}@${new URL(appUrl).hostname}>`,
    subject: english
      ? `[Prongsai] Daily digest: ${lines.length} notifications (${input.day})`
      : `[โปร่งใส] สรุปการแจ้งเตือนประจำวัน ${lines.length} รายการ (${input.day})`,
    text,
    html,
    link: settings,
  };
}

import { expect, newSession, test } from './fixtures';

const SETTINGS_LINK = 'ตั้งค่าการแจ้งเตือน';

/**
 * The browser's Back button on a form with unsaved changes (issue 17 follow-up to issue 14): the page
 * asks; Cancel stays with the changes, OK goes back; once the changes are undone Back is one step again
 * and asks nothing. Uses the notification settings (every account has them) and never saves, so no
 * other journey sees a changed preference.
 */
test('Back on a form with unsaved changes asks first: Cancel keeps them, OK leaves, an unchanged form lets Back go at once', async ({
  browser,
}) => {
  const { context, page } = await newSession(browser, 'editor');
  const asked: string[] = [];
  let answer: 'accept' | 'dismiss' = 'dismiss';
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  try {
    const home = page.url();
    // Inside the app (the bell's link), as an official gets there: Back stays in the same document.
    const openSettings = async () => {
      await page.getByRole('button', { name: /^การแจ้งเตือน/ }).click();
      await page.getByRole('link', { name: SETTINGS_LINK }).click();
      await expect(page).toHaveURL(/\/settings\/notifications$/);
    };
    await openSettings();
    // The first kind's three choices (in the app / e-mail at once / daily digest): move off the chosen one.
    const choices = page.getByRole('radio');
    await expect(choices.first()).toBeVisible();
    const checked = await Promise.all([0, 1, 2].map((index) => choices.nth(index).isChecked()));
    const before = choices.nth(checked.indexOf(true));
    const digest = choices.nth(checked.indexOf(true) === 2 ? 1 : 2);
    await digest.check();

    await test.step('Back, then Cancel: still on the form, the change kept', async () => {
      await page.goBack();
      await expect.poll(() => asked.length).toBe(1);
      expect(asked[0]).toContain('ยังไม่ได้บันทึก');
      await expect(page).toHaveURL(/\/settings\/notifications$/);
      await expect(digest).toBeChecked();
    });

    await test.step('Back again, then OK: the previous page', async () => {
      answer = 'accept';
      await page.goBack();
      await expect.poll(() => asked.length).toBe(2);
      await expect(page).toHaveURL(home);
    });

    await test.step('an undone change asks nothing: Back is one step', async () => {
      await openSettings();
      await digest.check();
      await before.check();
      await expect(page.getByRole('button', { name: 'บันทึกการตั้งค่า' })).toBeDisabled();
      await page.goBack();
      await expect(page).toHaveURL(home);
      expect(asked).toHaveLength(2);
    });
  } finally {
    await context.close();
  }
});

import { ACCOUNTS, AGENCIES, AGENCY_URL, API, DEMO_PASSWORD, loginThroughUi, expect, test } from './fixtures';

/**
 * Signing in and out through the UI. Each test gets a fresh browser context (Playwright's `page`
 * fixture), so no session leaks from one test to the next.
 */
test.describe('sign-in', () => {
  test('an agency editor lands on their own agency page', async ({ page }) => {
    await loginThroughUi(page, 'editor');

    await expect(page).toHaveURL(AGENCY_URL);
    await expect(page.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'แผนมาตรการรายปี' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' });
    await expect(nav.getByRole('link', { name: 'หน่วยงานของฉัน' })).toBeVisible();
    // An editor is neither a reviewer nor an admin: those entries are not offered.
    await expect(nav.getByRole('link', { name: 'ภาพรวมจังหวัด' })).toHaveCount(0);
    await expect(nav.getByRole('link', { name: 'ผู้ใช้งาน' })).toHaveCount(0);
  });

  test('a provincial reviewer lands on "waiting for me", then opens the province overview', async ({ page }) => {
    await loginThroughUi(page, 'reviewer');

    // A reviewer's home is the plans waiting for them (issue 14); the overview is one link away.
    await expect(page).toHaveURL(/\/review\/waiting$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('รอตรวจสอบ');
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ภาพรวมจังหวัด' }).click();
    await expect(page).toHaveURL(/\/review$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toContainText('ภาพรวมจังหวัด');
    await expect(heading).toContainText('มุกดาหาร');
    await expect(page.getByRole('combobox', { name: 'ปีงบประมาณ (พ.ศ.)' })).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' })).toBeVisible();
    // The overview lists the province's agencies, the sample report's agency among them.
    await page.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' }).fill('บางทรายน้อย');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await expect(page.getByRole('link', { name: AGENCIES.bangSaiNoi })).toBeVisible();
  });

  test('a national admin lands on the users page', async ({ page }) => {
    await loginThroughUi(page, 'admin');

    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'ผู้ใช้งาน' })).toBeVisible();
    await expect(page.getByRole('table').getByText(ACCOUNTS.editor)).toBeVisible();
  });

  test('a wrong password shows a clear Thai message and stays on the login page', async ({ page }) => {
    await loginThroughUi(page, 'editor', 'not-the-password');

    await expect(page.getByRole('alert')).toHaveText('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeEnabled();
    // No session was opened.
    expect((await page.request.get(`${API}/auth/me`)).status()).toBe(401);
  });

  test('logging out returns to the login page, and protected pages then ask to sign in again', async ({ page }) => {
    await loginThroughUi(page, 'editor');
    await expect(page).toHaveURL(AGENCY_URL);
    await expect(page.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toBeVisible();
    const agencyPath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'ออกจากระบบ' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('button', { name: 'เข้าสู่ระบบ' })).toBeVisible();
    // The session is gone on the server, not only in the page.
    expect((await page.request.get(`${API}/auth/me`)).status()).toBe(401);

    // A protected URL now redirects to the login page, remembering where it was going.
    await page.goto(agencyPath);
    await expect(page).toHaveURL((url) => url.pathname === '/login' && url.searchParams.get('next') === agencyPath);
    await expect(page.getByRole('textbox', { name: 'อีเมล' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toHaveCount(0);

    // Signing in from there goes back to the page that was asked for.
    await page.getByRole('textbox', { name: 'อีเมล' }).fill(ACCOUNTS.editor);
    await page.getByLabel('รหัสผ่าน').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await expect(page).toHaveURL((url) => url.pathname === agencyPath);
    await expect(page.getByRole('heading', { level: 1, name: AGENCIES.bangSaiNoi })).toBeVisible();
  });
});

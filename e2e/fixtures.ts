import { expect, test as base, type Page } from '@playwright/test';

/** The demo accounts seeded by `pnpm start` (README lists them). */
export const DEMO_PASSWORD = 'Prongsai-Demo-2569';
export const ACCOUNTS = {
  editor: 'editor@bangsainoi.example',
  otherEditor: 'editor@banshong.example',
  reviewer: 'reviewer@mukdahan.example',
  admin: 'admin@prongsai.example',
} as const;
export type AccountRole = keyof typeof ACCOUNTS;

export async function loginThroughUi(page: Page, role: AccountRole, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('อีเมล').fill(ACCOUNTS[role]);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}

export const test = base.extend<{ loginAs: (role: AccountRole) => Promise<void> }>({
  loginAs: async ({ page }, use) => {
    await use(async (role) => {
      await loginThroughUi(page, role);
      await expect(page).not.toHaveURL(/\/login/);
    });
  },
});

export { expect };

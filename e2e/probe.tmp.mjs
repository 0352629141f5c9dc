import { chromium } from '@playwright/test';
const base = 'http://localhost:3204';
const [, , width = '390', ...urls] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: Number(width), height: 844 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
const page = await context.newPage();
const login = process.env.LOGIN;
if (login) {
  await page.goto(base + '/login');
  await page.getByLabel('อีเมล').fill(login);
  await page.getByLabel('รหัสผ่าน').fill('Prongsai-Demo-2569');
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  await page.waitForURL((u) => !u.pathname.includes('login'));
}
for (const url of urls) {
  await page.goto(base + url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((el) => { const b = el.getBoundingClientRect(); return b.width > 0 && (b.right > vw + 1 || b.width > vw + 1); })
      .slice(0, 8).map((el) => `${el.tagName}.${el.className} w=${Math.round(el.getBoundingClientRect().width)} r=${Math.round(el.getBoundingClientRect().right)}`);
    return { url: location.pathname, scrollW: document.documentElement.scrollWidth, vw, height: document.documentElement.scrollHeight, header: document.querySelector('header')?.getBoundingClientRect().height, wide };
  });
  console.log(JSON.stringify(r));
  const name = `/tmp/phone-probe/${url.replace(/\W+/g, '_')}-${width}`;
  await page.screenshot({ path: `${name}.png` });
  if (process.env.FULL === '1') {
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 844, i = 1; y < h && i < 6; y += 1600, i++) {
      await page.screenshot({ path: `${name}-p${i}.png`, fullPage: true, clip: { x: 0, y, width: Number(width), height: Math.min(1600, h - y) } });
    }
  }
}
await browser.close();

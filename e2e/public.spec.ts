import { stat } from 'node:fs/promises';
import { AGENCIES, API, expect, getJson, setDigits, test } from './fixtures';

/**
 * The public dashboard, as an anonymous visitor: national figures → มุกดาหาร → องค์การบริหารส่วน
 * ตำบลบางทรายน้อย → its FY2566 report (the sample report, published in the seed) → the Word file.
 * And nothing unpublished anywhere: องค์การบริหารส่วนตำบลชะโนด has only a submitted FY2567 plan and
 * เทศบาลเมืองมุกดาหาร an accepted FY2566 and a draft FY2567 plan; neither may show a report.
 * Read-only: other specs may publish bangsainoi's FY2567 before this runs, so nothing here assumes
 * which fiscal year the dashboard opens on.
 */

const CHANOT = 'องค์การบริหารส่วนตำบลชะโนด';
const MUEANG_MUKDAHAN = 'เทศบาลเมืองมุกดาหาร';

interface PublicProvince {
  agencies: { items: { id: string; nameTh: string }[] };
}

test.beforeEach(async ({ context }) => {
  await setDigits(context, 'arabic');
});

test('an anonymous visitor drills from the national page to a published report and downloads it', async ({ page }) => {
  await test.step('"/" shows the public dashboard without signing in', async () => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('มาตรการส่งเสริมคุณธรรมและความโปร่งใส');
    await expect(page.getByRole('link', { name: 'เข้าสู่ระบบสำหรับเจ้าหน้าที่' })).toHaveAttribute('href', '/login');
  });

  await test.step('national page: headline figures, a chart with its table, provinces', async () => {
    await page.getByRole('link', { name: 'ภาพรวมประเทศ' }).click();
    await expect(page).toHaveURL(/\/public$/);
    await expect(page.getByRole('definition').first()).toBeVisible();
    await expect(page.getByRole('term').filter({ hasText: 'หน่วยงานที่เผยแพร่รายงานแล้ว' })).toBeVisible();
    await expect(page.getByRole('table', { name: /ตัวเลขแยกตามประเภทหน่วยงาน/ })).toBeVisible();
    const provinces = page.getByRole('table', { name: /ตัวเลขแยกตามจังหวัด/ });
    // The provinces with agencies in the system are rows; the others are folded into one list; the map has all 77.
    await expect(provinces.getByRole('link', { name: 'มุกดาหาร', exact: true })).toBeVisible();
    await expect(page.getByRole('figure', { name: /แผนที่จังหวัด/ }).getByRole('link', { name: /:/ })).toHaveCount(77);
    await page.getByRole('searchbox', { name: 'ค้นหาจังหวัด' }).fill('มุกดา');
    await provinces.getByRole('link', { name: 'มุกดาหาร', exact: true }).click();
  });

  await test.step('province page: its agencies, searchable in Thai', async () => {
    await expect(page).toHaveURL(/\/public\/provinces\/49\?fy=\d{4}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('จังหวัดมุกดาหาร');
    await page.getByRole('searchbox', { name: 'ค้นหาชื่อหน่วยงาน' }).fill('บางทราย');
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent('บางทราย')}`));
    await expect(page.getByText('พบ 1 หน่วยงาน')).toBeVisible();
    await page.getByRole('link', { name: AGENCIES.bangSaiNoi, exact: true }).click();
  });

  await test.step('agency page: its published reports only', async () => {
    await expect(page).toHaveURL(/\/public\/agencies\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(AGENCIES.bangSaiNoi);
    await expect(page.getByRole('link', { name: 'รายงานปีงบประมาณ พ.ศ. 2565' })).toBeVisible();
    await page.getByRole('link', { name: 'รายงานปีงบประมาณ พ.ศ. 2566' }).click();
  });

  await test.step('the FY2566 report reads like the official one', async () => {
    await expect(page).toHaveURL(/\/public\/agencies\/[0-9a-f-]{36}\/plans\/2566$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'รายงานผลการดำเนินการมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566',
    );
    const table = page.getByRole('table', { name: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ 2566' });
    await expect(table.getByRole('columnheader', { name: 'ระยะเวลาในการดำเนินการ' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(2 + 8); // two header rows, the sample's eight measures
    await expect(table).toContainText('ดำเนินการเมื่อวันที่ 7 มีนาคม 2566');
    // Working notes never reach the public page.
    await expect(page.getByText('ข้อสังเกตด้านคุณภาพ')).toHaveCount(0);
  });

  await test.step('the Word file downloads from its permalink', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'ไฟล์ Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('prongsai-6490601-2566.docx');
    expect(download.url()).toMatch(/\/api\/v1\/public\/agencies\/[0-9a-f-]{36}\/plans\/2566\/report\.docx$/);
    const { size } = await stat(await download.path());
    expect(size).toBeGreaterThan(1000);
    await expect(page.getByRole('link', { name: 'ไฟล์ PDF' })).toHaveAttribute('href', /\/report\.pdf$/);
    await expect(page.getByRole('link', { name: /ฉบับพิมพ์/ })).toHaveAttribute('href', /\/report\.html$/);
    await expect(page.getByRole('link', { name: 'ข้อมูล CSV' })).toHaveAttribute(
      'href',
      /\/api\/v1\/public\/exports\/measures\.csv\?agencyId=[0-9a-f-]{36}&fiscalYear=2566$/,
    );
  });
});

test('nothing unpublished is shown publicly', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    const province = await getJson<PublicProvince>(anonymous, `/public/provinces/49?fiscalYear=2567&pageSize=50`);
    const idOf = (name: string) => {
      const agency = province.agencies.items.find((item) => item.nameTh === name);
      expect(agency, `${name} is listed`).toBeDefined();
      return agency!.id;
    };
    const chanot = idOf(CHANOT);
    const mueang = idOf(MUEANG_MUKDAHAN);

    await test.step('the FY2567 province page lists the submitted and draft plans as not published', async () => {
      await page.goto('/public/provinces/49?fy=2567');
      for (const name of [CHANOT, MUEANG_MUKDAHAN]) {
        const row = page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
        await expect(row).toContainText('ยังไม่เผยแพร่');
        await expect(row.getByRole('link', { name: /อ่านรายงาน/ })).toHaveCount(0);
      }
    });

    await test.step('an agency with only a submitted FY2567 plan has no report, and its FY2567 report page says so', async () => {
      await page.goto(`/public/agencies/${chanot}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(CHANOT);
      await expect(page.getByText('หน่วยงานนี้ยังไม่ได้เผยแพร่รายงาน')).toBeVisible();
      await expect(page.getByRole('link', { name: /รายงานปีงบประมาณ/ })).toHaveCount(0);
      await page.goto(`/public/agencies/${chanot}/plans/2567`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ไม่พบรายงานที่เผยแพร่ของปีงบประมาณ 2567');
      await expect(page.getByRole('table')).toHaveCount(0);
      expect((await anonymous.get(`${API}/public/agencies/${chanot}/plans/2567/report.docx`)).status()).toBe(404);
    });

    await test.step('an accepted (not yet published) FY2566 plan and a draft FY2567 plan stay private too', async () => {
      await page.goto(`/public/agencies/${mueang}`);
      await expect(page.getByText('หน่วยงานนี้ยังไม่ได้เผยแพร่รายงาน')).toBeVisible();
      for (const fiscalYear of [2566, 2567]) {
        await page.goto(`/public/agencies/${mueang}/plans/${fiscalYear}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(`ไม่พบรายงานที่เผยแพร่ของปีงบประมาณ ${fiscalYear}`);
      }
    });

    await test.step('public pages link to nothing behind the login but the login page', async () => {
      for (const path of ['/public', '/public/provinces/49', `/public/agencies/${chanot}`]) {
        await page.goto(path);
        await expect(page.getByRole('main')).toBeVisible();
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
        const internal = hrefs.filter((href) => href.startsWith('/') && !href.startsWith('/api/v1/public/'));
        expect(
          internal.filter((href) => !href.startsWith('/public') && href !== '/' && href !== '/login' && !href.startsWith('#')),
        ).toEqual([]);
      }
    });
  } finally {
    await anonymous.dispose();
  }
});

test('the HTML of "/" and "/public" holds their heading as the app renders it, and other pages none (ADR 028)', async ({ page }) => {
  for (const path of ['/', '/public']) {
    await test.step(`${path}: the page header the build prerendered is the one React renders`, async () => {
      const html = await (await page.request.get(path)).text();
      const served = /<header class="page-header">[\s\S]*?<\/header>/.exec(html)?.[0];
      expect(served, `no page header in the HTML of ${path}`).toContain('<h1>');

      await page.goto(path);
      await expect(page.getByRole('table', { name: /ตัวเลขแยกตามประเภทหน่วยงาน/ })).toBeVisible();
      // Thai words glued the same way (Node's Intl.Segmenter at build time, Chromium's here): the same lines, the same size.
      expect(await page.locator('header.page-header').evaluate((header) => header.outerHTML)).toBe(served);
    });
  }
  for (const path of ['/public/provinces/49', '/login']) {
    expect(await (await page.request.get(path)).text(), `${path} must not show the national heading first`).not.toContain('<h1');
  }
});

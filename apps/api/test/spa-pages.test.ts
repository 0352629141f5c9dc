import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';

/**
 * The built SPA served on the API's port (ADR 028): a path the web build prerendered gets its own
 * HTML file (dist/prerendered/), every other path of the app gets index.html. Real files in a
 * folder laid out like apps/web/dist.
 */

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function webDist(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prongsai-web-dist-'));
  folders.push(folder);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
  return folder;
}

const BUILT = {
  'index.html': '<p>the shell of every page</p>',
  'prerendered/index.html': '<p>home, prerendered</p>',
  'prerendered/public.html': '<h1>the national dashboard, prerendered</h1>',
  'assets/index-abc.js': 'console.log(1);',
};

describe('the SPA pages the API sends', () => {
  const app = createApp({ logRequests: false, webDist: webDist(BUILT) });

  it.each([
    ['/', '<p>home, prerendered</p>'],
    ['/public', '<h1>the national dashboard, prerendered</h1>'],
    ['/public?fy=2566&q=%E0%B8%9A%E0%B8%B2%E0%B8%87', '<h1>the national dashboard, prerendered</h1>'],
  ])('when %s is asked for, then its prerendered page is sent, not to be cached without a check', async (url, body) => {
    const response = await request(app).get(url);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.text).toBe(body);
  });

  it.each(['/public/provinces/49', '/public/', '/login', '/agencies/x/plans/2567', '/publicity'])(
    'when %s (a path nothing was prerendered for) is asked for, then index.html is sent',
    async (url) => {
      const response = await request(app).get(url);

      expect(response.status).toBe(200);
      expect(response.text).toBe('<p>the shell of every page</p>');
    },
  );

  it('when a build has no prerendered pages, then every path gets index.html', async () => {
    const { 'index.html': index, 'assets/index-abc.js': script } = BUILT;
    const plain = createApp({ logRequests: false, webDist: webDist({ 'index.html': index, 'assets/index-abc.js': script }) });

    for (const url of ['/', '/public']) expect((await request(plain).get(url)).text).toBe(index);
  });
});

// Installable and offline: the manifest and its icons, the service worker that keeps the app
// working with no network after the first visit (simulator, worker, Learn, share links), and a
// new deploy announced as "a new version is ready" instead of mixing old and new files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, startHost, openBrowser, openPage, screenshot, scratchDirectory } from './harness.mjs';
import { readNumbers, waitForFreshResults, onFreshPage } from './page-helpers.mjs';

const TIMEOUT = { timeout: 120_000 };

let host;
before(async () => { host = await startHost(); });
after(async () => { await host.close(); });

/** Waits until the service worker controls the page (the first visit's worker claims it). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null
    && navigator.serviceWorker?.controller !== undefined, null, { timeout: 60_000 });
}

test('the manifest names the app in Korean and English, with icons that load', TIMEOUT, async () => {
  await onFreshPage(host.url, async ({ page }) => {
    const href = await page.getAttribute('link[rel=manifest]', 'href');
    assert.ok(href && !href.startsWith('/'), `a relative manifest address: ${href}`);
    const manifestUrl = new URL(href, host.url).href;
    const manifest = await page.evaluate(async (address) => (await fetch(address)).json(), manifestUrl);
    assert.match(manifest.name, /ProcLab/);
    assert.match(manifest.name, /[\uac00-\ud7a3]/, 'a Korean name');
    assert.match(manifest.description, /[\uac00-\ud7a3]/);
    assert.match(manifest.description, /[A-Za-z]{4}/, 'and an English one');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.display, 'standalone');
    const sizes = manifest.icons.map((icon) => icon.sizes);
    assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icon sizes ${sizes}`);
    for (const icon of manifest.icons) {
      const loaded = await page.evaluate(async (address) => {
        const image = new Image();
        image.src = address;
        await image.decode();
        return [image.naturalWidth, image.naturalHeight];
      }, new URL(icon.src, manifestUrl).href);
      if (icon.sizes !== 'any') assert.deepEqual(loaded.join('x'), icon.sizes, icon.src);
    }
  });
});

test('after one visit the app works offline: reload, simulate, compare in the worker, Learn, a share link', TIMEOUT, async () => {
  await onFreshPage(host.url, async ({ page, problems, context }) => {
    await controlled(page);
    // A share link made online, to open offline.
    await page.selectOption('#preset-select', 'rr-tiny-quantum');
    await waitForFreshResults(page);
    const shown = await readNumbers(page);
    await page.click('#copy-link');
    await page.waitForFunction(() => location.hash.startsWith('#/?s='));
    const link = await page.evaluate(() => location.href);

    await context.setOffline(true);
    await page.goto(host.url);
    await page.reload();
    await page.waitForSelector('#preset-select');
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await waitForFreshResults(page);
    await page.click('#tab-compare');
    await page.waitForFunction(() => [...document.querySelectorAll('table tbody th[scope=row]')]
      .some((th) => th.textContent.trim().startsWith('RR')), null, { timeout: 30_000 });
    await page.goto(`${host.url}#/learn/states`);
    await page.waitForSelector('main.learn-topic[data-topic="states"] #learn-title');
    await page.reload();
    await page.waitForSelector('main.learn-topic[data-topic="states"] #learn-title');
    await screenshot(page, 'offline-learn');

    // A new tab: a full load of the link, not a change of fragment in the open page.
    const other = await context.newPage();
    other.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await other.goto(link);
    await waitForFreshResults(other);
    assert.deepEqual(await readNumbers(other), shown, 'the share link opens its scenario offline');
    await context.setOffline(false);
  }, { ready: '#preset-select' });
});

/** A copy of dist/ changed as a new deploy would change it: another index.html, another sw.js. */
async function newDeploy() {
  const directory = await scratchDirectory('proclab-deploy-');
  await cp(DIST, directory, { recursive: true });
  const index = join(directory, 'index.html');
  await writeFile(index, (await readFile(index, 'utf8')).replace('<head>', '<head><meta name="proclab-deploy" content="2">'));
  const worker = join(directory, 'sw.js');
  const source = await readFile(worker, 'utf8');
  const changed = source.replace(/"version":"([0-9a-f]+)"/, '"version":"$1-2"');
  assert.notEqual(changed, source, 'sw.js carries its build version');
  await writeFile(worker, changed);
  return directory;
}

test('a new deploy: the open page keeps its files, says a new version is ready, and switches on request', TIMEOUT, async () => {
  const old = await startHost({ directory: await scratchDirectory('proclab-deploy-') });
  await cp(DIST, old.root.directory, { recursive: true });
  const context = await openBrowser({ locale: 'ko-KR' });
  try {
    const { page, problems } = await openPage(context, old.url);
    await page.waitForSelector('#app-title');
    await controlled(page);
    assert.equal(await page.locator('#update-ready').count(), 0, 'nothing to announce on the first visit');

    old.root.directory = await newDeploy();
    await page.reload();
    await page.waitForSelector('#update-ready', { timeout: 60_000 });
    assert.match(await page.textContent('#update-ready'), /새 버전/);
    assert.equal(await page.locator('meta[name=proclab-deploy]').count(), 0, 'until the switch, the old files');
    await page.click('#lang-en');
    assert.match(await page.textContent('#update-ready'), /A new version is ready/);
    await screenshot(page, 'offline-update-ready');

    await page.click('#update-reload');
    await page.waitForSelector('meta[name=proclab-deploy]', { state: 'attached', timeout: 60_000 });
    await page.waitForSelector('#app-title');
    assert.equal(await page.locator('#update-ready').count(), 0, 'the new version has nothing to announce');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await old.close();
  }
});

// dist/ deployed unchanged under a sub-path of a plain static host (no rewrite to index.html):
// the simulator, a Learn page, a share link and the worker all load from that folder, directly
// and after a reload, and the addresses of the version that routed by path still open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PREFIX, startHost, openBrowser, openPage, screenshot } from './harness.mjs';
import { RESULTS_READY, readNumbers, waitForFreshResults, onFreshPage } from './page-helpers.mjs';

const TIMEOUT = { timeout: 120_000 };

let host;
before(async () => { host = await startHost(); });
after(async () => { await host.close(); });

/** Every request the page makes, to check that none leaves the folder. */
function recordRequests(context) {
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  return requests;
}

function outsideFolder(requests, origin) {
  return requests.filter((address) => !address.startsWith(`${origin}${PREFIX}`)
    && !address.startsWith('data:') && !address.startsWith('blob:'));
}

test('the simulator at the folder, with its worker, directly and after a reload', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  const requests = recordRequests(context);
  try {
    const { page, problems } = await openPage(context, host.url);
    await page.waitForSelector('#empty-title');
    assert.equal(await page.evaluate(() => location.hash), '#/', 'the simulator is the fragment route #/');
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await waitForFreshResults(page);
    const shown = await readNumbers(page);
    // The comparison runs in the worker, loaded from beside the app's script.
    await page.click('#tab-compare');
    await page.waitForFunction(() => [...document.querySelectorAll('table tbody th[scope=row]')].some((th) => th.textContent.trim().startsWith('RR')));
    assert.ok(requests.some((address) => address.startsWith(`${host.url}proclab-worker`)), 'the worker loads from the folder');
    await page.reload();
    await waitForFreshResults(page);
    assert.deepEqual(await readNumbers(page), shown, 'the autosaved workspace comes back after a reload');
    await screenshot(page, 'deploy-simulator');
    assert.deepEqual(outsideFolder(requests, host.origin), [], 'requests outside the folder');
    assert.deepEqual(host.missing, [], 'requests the host could not answer');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a Learn page opens from its link and survives a reload; its scenario opens in the simulator', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR' });
  const requests = recordRequests(context);
  try {
    const { page, problems } = await openPage(context, `${host.url}#/learn/states`);
    await page.waitForSelector('main.learn-topic[data-topic="states"] #learn-title');
    await page.reload();
    await page.waitForSelector('main.learn-topic[data-topic="states"] #learn-title');
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    // A link between pages stays in the folder and in the fragment.
    const next = await page.getAttribute('.topic-nav a.next-topic', 'href');
    assert.match(next, /^#\/learn\/[a-z-]+$/);
    await page.click('.topic-nav a.next-topic');
    await page.waitForURL((address) => address.pathname === PREFIX && address.hash === next);
    await page.reload();
    await page.waitForSelector(`main.learn-topic[data-topic="${next.split('/').pop()}"] #learn-title`);
    await page.click('button.open-sim >> nth=0');
    await page.waitForURL((address) => address.pathname === PREFIX && address.hash === '#/');
    await page.waitForSelector(RESULTS_READY);
    assert.deepEqual(outsideFolder(requests, host.origin), []);
    assert.deepEqual(host.missing, []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** A share link made by Copy link on the page served from the folder, and the numbers it showed. */
async function makeShareLink() {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, host.url);
    await page.waitForSelector('#preset-select');
    await page.selectOption('#preset-select', 'rr-silberschatz');
    await waitForFreshResults(page);
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const shown = await readNumbers(page);
    await page.click('#copy-link');
    await page.waitForFunction(() => location.hash.startsWith('#/?s='));
    const url = await page.evaluate(() => location.href);
    assert.deepEqual(problems, []);
    return { url, shown };
  } finally {
    await context.close();
  }
}

/** Opens `url` in a fresh English profile and checks it shows `shown` in Korean, then after a reload. */
async function opensTheLink(url, shown, label) {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, url);
    for (const when of ['opened', 'reloaded']) {
      if (when === 'reloaded') await page.reload();
      await waitForFreshResults(page);
      assert.deepEqual(await readNumbers(page), shown, `${label} ${when}: the link's numbers`);
      assert.equal(await page.getAttribute('html', 'lang'), 'ko', `${label} ${when}: the link's language`);
      assert.equal(await page.locator('#notice.error').count(), 0, `${label} ${when}: no error`);
      const address = new URL(await page.evaluate(() => location.href));
      assert.equal(address.pathname, PREFIX, `${label} ${when}: still in the folder`);
      assert.match(address.hash, /^#\/\?s=[A-Za-z0-9_-]+$/, `${label} ${when}: today's form of the link`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

test('a share link opens in a fresh profile and survives a reload; old link forms still open', TIMEOUT, async () => {
  const { url, shown } = await makeShareLink();
  assert.ok(url.startsWith(`${host.url}#/?s=`), `a share link in the folder: ${url}`);
  await opensTheLink(url, shown, 'share link');
  const payload = url.slice(url.indexOf('#/?s=') + '#/?s='.length);
  // The forms earlier versions made: the scenario right after `#`, or as a query parameter.
  await opensTheLink(`${host.url}#s=${payload}`, shown, 'old #s= link');
  await opensTheLink(`${host.url}?s=${payload}`, shown, 'old ?s= link');
  assert.deepEqual(host.missing, []);
});

test('a folder named without its slash and a fragment that is not a route still reach the app', TIMEOUT, async () => {
  await onFreshPage(`${host.origin}${PREFIX.slice(0, -1)}`, async ({ page }) => {
    // Typed into the address bar of the open page: the router would stop on it.
    await page.evaluate(() => { location.hash = 'top'; });
    await page.waitForFunction(() => location.hash === '#/');
    await page.evaluate(() => { location.hash = '/learn/threads'; });
    await page.waitForSelector('main.learn-topic[data-topic="threads"] #learn-title');
  }, { ready: '#empty-title' });
});

test('path routes of earlier versions, behind the rewrite rule they needed, move to the fragment', TIMEOUT, async () => {
  const old = await startHost({ fallback: true });
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, `${old.url}learn/states`);
    await page.waitForSelector('main.learn-topic[data-topic="states"] #learn-title');
    const address = new URL(await page.evaluate(() => location.href));
    assert.equal(address.pathname, PREFIX);
    assert.equal(address.hash, '#/learn/states');
    await page.goto(`${old.url}learn`);
    await page.waitForSelector('main.learn #learn-title');
    assert.equal(await page.evaluate(() => location.hash), '#/learn');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await old.close();
  }
});

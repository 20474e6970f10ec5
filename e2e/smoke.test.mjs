// The page loads in a real Chromium with no console error or panic, speaks both languages,
// and Korean renders with real glyphs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, screenshot, rendersGlyphs } from './harness.mjs';
import { onFreshPage } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

test('English browser: English page, switch to Korean, glyphs render, no errors', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#empty-title'), /No workload yet/);
    assert.equal(await page.getAttribute('#lang-en', 'aria-pressed'), 'true');
    await screenshot(page, 'smoke-en');

    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const korean = await page.textContent('#empty-title');
    assert.match(korean, /작업 부하/);
    assert.ok(await rendersGlyphs(page, korean), 'Korean text renders as tofu boxes: is a CJK font installed?');
    await screenshot(page, 'smoke-ko');

    // Each page names itself in the tab's title, in the page's language.
    await page.waitForFunction(() => document.title.endsWith(' — ProcLab') && document.title !== 'ProcLab');
    const simulator = await page.title();
    await page.click('.main-nav a[href*="practice"]');
    await page.waitForFunction((before) => document.title !== before, simulator);
    const practice = await page.title();
    await page.click('.main-nav a[href*="learn"]');
    await page.waitForFunction((before) => document.title !== before, practice);
    assert.notEqual(simulator, practice);
    assert.equal(simulator, '시뮬레이터 — ProcLab');
    assert.equal(await page.title(), '배우기 — ProcLab');
  });
});

test('Korean browser: Korean by default, and the choice survives a reload', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    assert.equal(await page.getAttribute('html', 'lang'), 'ko');
    assert.equal(await page.getAttribute('#lang-ko', 'aria-pressed'), 'true');

    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.reload();
    await page.waitForSelector('#app-title');
    assert.equal(await page.getAttribute('#lang-en', 'aria-pressed'), 'true');
    assert.match(await page.textContent('#empty-title'), /No workload yet/);
  }, { locale: 'ko-KR' });
});

// What the Practice tests share: opening a generated set through the page's own form, reading the
// workload on screen, checking, reading a field's label, and every view of the page.

import assert from 'node:assert/strict';
import { openBrowser, openPage, screenshot } from './harness.mjs';

/** Makes a set of `count` exercises of `topic` at `difficulty` from `seed` with the page's form. */
export async function openSet(page, { topic, seed, difficulty = 'easy', count = 1 }) {
  await page.selectOption('#practice-topic', topic);
  await page.selectOption('#practice-difficulty', difficulty);
  await page.fill('#practice-count', String(count));
  await page.fill('#practice-seed', String(seed));
  const before = await page.inputValue('#practice-link');
  await page.click('#practice-new');
  await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
}

/** The workload of the exercise on screen: name, arrival, CPU burst (easy exercises: one burst). */
export async function readWorkload(page) {
  return page.$$eval('#practice-workload tbody tr', (rows) => rows.map((row) => ({
    name: row.querySelector('th').textContent.trim(),
    arrival: Number(row.querySelector('.arrival').textContent),
    burst: Number(row.querySelector('.bursts').textContent),
  })));
}

/** Presses Check and waits for the summary. */
export async function check(page) {
  await page.click('#practice-check');
  await page.waitForSelector('#practice-summary');
}

/** The `aria-label` of the element `selector` names. */
export const label = (page, selector) => page.$eval(selector, (element) => element.getAttribute('aria-label'));

/**
 * Runs `body({ page, lang, width })` on the page at `address` in each language at a laptop and a
 * phone width, each in a fresh profile, then checks what every such view must show: no sideways
 * scroll and no page error; its screenshot is `practice-NAME-LANG-WIDTH` (`practice-LANG-WIDTH` with
 * no name).
 */
export async function atEachView(address, name, body) {
  for (const { locale, lang } of [{ locale: 'en-US', lang: 'en' }, { locale: 'ko-KR', lang: 'ko' }]) {
    for (const width of [1280, 390]) {
      const context = await openBrowser({ locale, viewport: { width, height: 900 } });
      try {
        const { page, problems } = await openPage(context, address);
        await page.waitForSelector('#practice-title');
        await body({ page, lang, width });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${lang} ${width}: the page scrolls sideways by ${overflow}px`);
        await screenshot(page, [`practice`, name, lang, width].filter(Boolean).join('-'));
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
}

/** Opens the exercise on screen in the simulator: Show, then, where the page asks first (an
 * exercise neither solved nor shown yet: the simulator shows every answer), its confirmation. */
export async function showInSimulator(page) {
  const asks = await page.getAttribute('#practice-show', 'aria-expanded');
  await page.click('#practice-show');
  if (asks !== null) await page.click('#practice-show-confirm');
}

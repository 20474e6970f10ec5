// The page under hostile conditions (issue 16), in Debian's Chromium on the release build:
// storage that throws, a 50 MB upload, a 100,000-character link, two tabs editing at once (the
// workspace, and one practice set),
// markup and right-to-left text in names and programs, and the language switched while the
// machine plays. Each test clicks and types as a student would; screenshots of the messages
// at 1280 and 390 px are saved under target/e2e/ (hostile-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ARTIFACTS, ROOT, startServer, openBrowser, openPage, screenshot, scratchDirectory } from './harness.mjs';
import { onFreshPage, savedWorkspace, typeWorkload, waitForFreshResults, watchDialogs } from './page-helpers.mjs';

const TIMEOUT = { timeout: 120_000 };
const exec = promisify(execFile);

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

/** Types one process and waits for its results: the page works. */
async function editAndRun(page, name, bursts = '4') {
  const index = await page.locator('#workload tbody.process').count();
  await typeWorkload(page, [{ name, bursts }]);
  await waitForFreshResults(page);
  assert.equal(await page.inputValue(`#p${index}-name`), name);
  const names = await page.locator('#metrics-table tbody tr[data-pid] th').allTextContents();
  assert.ok(names.map((text) => text.trim()).includes(name), `${name} is in the results: ${names}`);
}

/**
 * Screenshots at a laptop's and a phone's width: the whole page, and the message (`selector`)
 * alone, to look at for clipped text and overlaps.
 */
async function shoot(page, name, selector) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await screenshot(page, `hostile-${name}-${width}`);
    if (selector) {
      const box = await page.locator(selector).first().boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= width + 1, `${selector} fits in ${width} px`);
      await page.locator(selector).first().screenshot({ path: join(ARTIFACTS, `hostile-${name}-message-${width}.png`) });
    }
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `nothing sticks out sideways at 390 px (${overflow} px)`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

const STORAGE_FAILURES = {
  full: () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
  denied: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  },
};

for (const [kind, script] of Object.entries(STORAGE_FAILURES)) {
  test(`storage ${kind}: the page edits and runs, and says autosave is off in both languages`, TIMEOUT, async () => {
    const context = await openBrowser();
    try {
      await context.addInitScript(script);
      const { page, problems } = await openPage(context, server.url);
      watchDialogs(page, problems);
      await page.waitForSelector('#app-title');
      await editAndRun(page, 'Mine', '5 io2 3');
      const status = page.locator('#autosave-status');
      await status.waitFor();
      assert.match(await status.textContent(), /Autosave is off/);
      await page.click('#lang-ko');
      await page.waitForFunction(() => document.querySelector('#autosave-status')?.textContent.includes('자동 저장'));
      assert.equal(await page.inputValue('#p0-name'), 'Mine', 'the work is still on screen');
      await shoot(page, `storage-${kind}`, '#autosave-status');
      // Nothing saved, the address is the work's link, not marked as saved work: a reload opens
      // the link, the work as it was (it would have opened an empty page).
      await page.waitForFunction(() => location.hash.startsWith('#/?s=') && history.state === null);
      await page.reload();
      await page.waitForFunction(() => document.querySelector('#p0-name')?.value === 'Mine');
      // The other sections read storage too.
      await page.click('.main-nav a[href$="#/practice"]');
      await page.waitForSelector('.practice, #practice, main');
      await page.click('.main-nav a[href$="#/learn"]');
      await page.waitForTimeout(300);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('storage that works: no autosave message', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await editAndRun(page, 'Saved');
    assert.equal(await page.locator('#autosave-status').count(), 0);
    assert.match(await savedWorkspace(page), /Saved/);
  });
});

test('a 50 MB upload is refused at once with the limit named, and what was typed stays', TIMEOUT, async () => {
  const directory = await scratchDirectory('proclab-hostile-');
  const path = join(directory, 'huge.json');
  const process = '{"name":"X","arrival":0,"bursts":[{"cpu":1}]},';
  await writeFile(path, `{"version":1,"processes":[${process.repeat(Math.ceil(50e6 / process.length))}{"name":"Y","bursts":[{"cpu":1}]}]}`);
  await onFreshPage(server.url, async ({ page }) => {
    await editAndRun(page, 'Typed', '3 io1 2');
    const started = Date.now();
    await page.setInputFiles('#upload-json', path);
    await page.waitForSelector('#notice.error');
    const elapsed = Date.now() - started;
    const message = await page.textContent('#notice');
    assert.match(message, /\b32\sMB/, `the limit is named: ${message}`);
    assert.match(message, /47\.7\sMB/, `the file's size is named (50,000,000 bytes in MB of 2^20): ${message}`);
    assert.ok(elapsed < 10_000, `the message came in ${elapsed} ms`);
    assert.equal(await page.inputValue('#p0-name'), 'Typed');
    assert.equal(await page.inputValue('#p0-bursts'), '3 io1 2');
    await editAndRun(page, 'After');
    await page.click('#lang-ko');
    await page.waitForFunction(() => /\b32\sMB/.test(document.querySelector('#notice')?.textContent ?? '') && document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#notice'), /파일/);
    await shoot(page, 'upload-too-large', '#notice');
  });
});

test('the largest generated workload (12 MB, under the limit) still opens from a file', TIMEOUT, async () => {
  const directory = await scratchDirectory('proclab-hostile-');
  const path = join(directory, 'generated.json');
  const { stdout } = await exec('cargo', ['run', '-q', '-p', 'proclab-cli', '--', 'gen', '--seed', '1', '--processes', '10000', '--io', '--threads', '4'], {
    cwd: ROOT, maxBuffer: 64 * 1024 * 1024,
  });
  await writeFile(path, stdout);
  assert.ok(stdout.length > 10e6, `${stdout.length} bytes`);
  await onFreshPage(server.url, async ({ page, problems }) => {
    const started = Date.now();
    await page.setInputFiles('#upload-json', path);
    await page.waitForSelector('#notice');
    const message = await page.textContent('#notice');
    assert.doesNotMatch(message, /cannot be read/, message);
    console.log(`# 12 MB file: "${message.slice(0, 60)}" after ${Date.now() - started} ms`);
    assert.doesNotMatch(message, /problems/, message);
    assert.equal(await page.inputValue('#p0-name'), 'P1');
  });
});

/** Opens `address` in a fresh tab and checks the page says so, stays usable and keeps the saved work. */
async function openLongLink(context, address, name) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  watchDialogs(page, problems);
  const started = Date.now();
  await page.goto(address);
  await page.waitForSelector('#notice.error');
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 10_000, `the page answered a long link in ${elapsed} ms`);
  const message = await page.textContent('#notice');
  assert.match(message, /too long/, message);
  assert.match(message, /65,536/, `the limit is named: ${message}`);
  await shoot(page, `long-link-${name}`, '#notice');
  assert.equal(await page.inputValue('#p0-name'), 'Kept', 'the saved workspace opens instead');
  await editAndRun(page, name);
  // The edited workload's own link takes its place (Kept's, far shorter than the broken one).
  await page.waitForFunction(() => location.hash.startsWith('#/?s=') && location.hash.length < 2_000);
  assert.ok(!address.endsWith(page.url().slice(page.url().indexOf('#'))), 'after an edit the broken link leaves the address bar');
  assert.deepEqual(problems, []);
  await page.close();
}

test('a 100,000-character link, random or after a valid start: a message, no freeze, the page works', TIMEOUT, async () => {
  const context = await openBrowser();
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await editAndRun(page, 'Kept');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#copy-link');
    await page.waitForFunction(() => location.hash.startsWith('#/?s='));
    const valid = page.url();
    assert.deepEqual(problems, []);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let random = '';
    for (let i = 0; i < 100_000; i += 1) random += alphabet[Math.floor(Math.random() * alphabet.length)];
    await openLongLink(context, `${server.url}#/?s=${random}`, 'Random');
    await openLongLink(context, valid + 'A'.repeat(100_000 - valid.length), 'Prefix');
  } finally {
    await context.close();
  }
});

/** A second tab of the same browser profile, recording its problems. */
async function secondTab(context) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console error: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url);
  await page.waitForSelector('#app-title');
  return { page, problems };
}

test('two tabs editing at once: the later one is told, never overwrites silently, and can choose', TIMEOUT, async () => {
  const context = await openBrowser();
  try {
    const first = await openPage(context, server.url);
    await first.page.waitForSelector('#app-title');
    const second = await secondTab(context);
    await editAndRun(first.page, 'FromA');
    assert.match(await savedWorkspace(first.page), /FromA/);
    // The second tab hears of the first one's save and stops autosaving over it.
    await second.page.waitForSelector('#autosave-status');
    assert.match(await second.page.textContent('#autosave-status'), /Another tab/);
    await editAndRun(second.page, 'FromB');
    let saved = await savedWorkspace(second.page);
    assert.match(saved, /FromA/);
    assert.doesNotMatch(saved, /FromB/, "the second tab's edit does not overwrite the first tab's work");
    await shoot(second.page, 'autosave-elsewhere', '#autosave-status');
    // The first tab keeps saving.
    await editAndRun(first.page, 'MoreA');
    assert.match(await savedWorkspace(first.page), /MoreA/);
    // The second tab chooses to keep its own work: it saves now, and the first tab is told.
    await second.page.click('#autosave-keep-here');
    await second.page.waitForSelector('#autosave-status', { state: 'detached' });
    saved = await savedWorkspace(second.page);
    assert.match(saved, /FromB/);
    assert.doesNotMatch(saved, /MoreA/);
    await first.page.waitForSelector('#autosave-status');
    await editAndRun(first.page, 'LateA');
    assert.doesNotMatch(await savedWorkspace(first.page), /LateA/);
    // The first tab chooses the other tab's work instead: it reloads with it and saves again.
    await first.page.click('#autosave-open-saved');
    await first.page.waitForFunction(() => document.querySelector('#p0-name')?.value === 'FromB');
    assert.equal(await first.page.locator('#workload tbody.process').count(), 1, "the other tab's work, exactly");
    assert.equal(await first.page.locator('#autosave-status').count(), 0);
    await editAndRun(first.page, 'AgainA');
    assert.match(await savedWorkspace(first.page), /AgainA/);
    await second.page.waitForSelector('#autosave-status');
    await second.page.click('#lang-ko');
    await second.page.waitForFunction(() => document.querySelector('#autosave-status')?.textContent.includes('다른 탭'));
    assert.deepEqual(first.problems, []);
    assert.deepEqual(second.problems, []);
  } finally {
    await context.close();
  }
});

/** Elements whose text holds the U+202E name followed by more words, without isolating it. */
function unisolated(page) {
  return page.evaluate(() => [...document.querySelectorAll('body *')]
      .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.includes('\u202E')))
      .filter((element) => {
        // A text node that holds the override and more words after the name must isolate it.
        const text = element.textContent;
        const after = text.slice(text.indexOf('\u202E')).replace('\u202Eabc', '');
        return after.trim() && !/\u2069/.test(text) && element.tagName !== 'BDI' && element.tagName !== 'TEXTAREA';
      })
      .map((element) => `${element.tagName}#${element.id}: ${JSON.stringify(element.textContent.slice(0, 80))}`));
}

const HOSTILE_NAMES = [
  '<img src=x onerror=alert(1)>',
  '<b>bold</b>',
  'مرحبا\u202Eabc',
  'שלום',
];

test('markup and right-to-left text in names and programs are text: nothing injected, nothing runs', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await typeWorkload(page, HOSTILE_NAMES.map((name, index) => ({ name, bursts: `${index + 2} io1 2` })));
    await waitForFreshResults(page);
    const names = await page.locator('#metrics-table tbody tr[data-pid] th').allTextContents();
    assert.deepEqual(names.map((text) => text.trim()), HOSTILE_NAMES);
    // The machine view and its words show the names too.
    await page.click('#to-end').catch(() => {});
    await page.waitForTimeout(300);
    // A program whose text is markup: reported by line, as text.
    await page.click('#p0-program-toggle');
    await page.waitForSelector('#p0-program');
    await page.focus('#p0-program');
    await page.keyboard.press('Control+A');
    const source = '<img src=y onerror=alert(2)>\n<b>x</b>\n\u202Ehalt\n';
    await page.keyboard.insertText(source);
    await page.waitForSelector('#p0-program-error');
    assert.match(await page.textContent('#p0-program-error'), /line 1/);
    assert.equal(await page.inputValue('#p0-program'), source);
    const injected = await page.evaluate(() => ({
      images: document.querySelectorAll('img[src="x"], img[src="y"]').length,
      bold: [...document.querySelectorAll('b')].filter((element) => /bold|^x$/.test(element.textContent)).length,
    }));
    assert.deepEqual(injected, { images: 0, bold: 0 });
    // The right-to-left override stays inside the name: the words after it read left to right.
    assert.deepEqual(await unisolated(page), [], 'every sentence that holds a name isolates it');
    // Removing the right-to-left process names it in the notice and in nothing else.
    await page.locator('#workload tbody.process').nth(2).locator('button.danger').click();
    await page.waitForSelector('#notice');
    assert.match(await page.textContent('#notice p'), /\u2068مرحبا\u202Eabc\u2069/);
    assert.deepEqual(await unisolated(page), [], 'the notice isolates the name too');
    await shoot(page, 'markup-names');
  });
});

test('the language switched while the machine plays: everything in the other language, playback goes on', TIMEOUT, async () => {
  const context = await openBrowser({ viewport: { width: 1400, height: 1000 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await typeWorkload(page, [
      { name: 'A', bursts: '30 io5 30' },
      { name: 'B', bursts: '40' },
    ]);
    await waitForFreshResults(page);
    await page.waitForSelector('#watch-canvas');
    await page.click('#play');
    await page.waitForFunction(() => Number(document.querySelector('#watch-canvas').dataset.tick) >= 2);
    const englishLabel = await page.getAttribute('#watch-canvas', 'aria-label');
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'true', 'still playing');
    const tickAtSwitch = Number(await page.getAttribute('#watch-canvas', 'data-tick'));
    await page.waitForFunction((tick) => Number(document.querySelector('#watch-canvas').dataset.tick) > tick + 2, tickAtSwitch);
    const koreanLabel = await page.getAttribute('#watch-canvas', 'aria-label');
    assert.notEqual(koreanLabel, englishLabel);
    assert.match(koreanLabel, /[가-힣]/);
    // No English sentence left in the simulator (names, numbers and code aside).
    const english = await page.evaluate(() => {
      const found = [];
      const walker = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || parent.closest('[lang="en"], textarea, code, pre, option, #lang-en') || !parent.offsetParent) continue;
        if (/\b(the|and|is|of|to)\b/i.test(node.textContent) && /[a-z]{3,} [a-z]{3,}/i.test(node.textContent)) found.push(node.textContent.trim().slice(0, 80));
      }
      return found;
    });
    assert.deepEqual(english, []);
    await page.click('#play');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'false');
    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const paused = Number(await page.getAttribute('#watch-canvas', 'data-tick'));
    await page.waitForTimeout(400);
    assert.equal(Number(await page.getAttribute('#watch-canvas', 'data-tick')), paused, 'paused stays paused');
    assert.match(await page.getAttribute('#watch-canvas', 'aria-label'), /t=/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('two tabs of one practice set: each shows the answers typed in the other, none is lost on reload', TIMEOUT, async () => {
  const context = await openBrowser();
  try {
    const first = await openPage(context, `${server.url}#/practice`);
    await first.page.waitForSelector('#practice-link');
    const link = await first.page.inputValue('#practice-link');
    const second = await secondTab(context);
    await second.page.goto(link);
    await second.page.waitForSelector('#cell-p1-0');
    assert.equal(await second.page.inputValue('#practice-link'), link, 'the same set in both tabs');
    // A types; B shows it, and says where it came from.
    await first.page.fill('#cell-p1-0', '9');
    await second.page.waitForFunction(() => document.querySelector('#cell-p1-0').value === '9');
    assert.match(await second.page.textContent('#practice-synced'), /another tab/);
    // B types elsewhere; A shows it, and keeps its own.
    await second.page.fill('#cell-p2-1', '4');
    await first.page.waitForFunction(() => document.querySelector('#cell-p2-1').value === '4');
    assert.equal(await first.page.inputValue('#cell-p1-0'), '9');
    // What is saved holds both, whichever tab wrote last.
    await first.page.reload();
    await first.page.waitForSelector('#cell-p1-0');
    assert.equal(await first.page.inputValue('#cell-p1-0'), '9');
    assert.equal(await first.page.inputValue('#cell-p2-1'), '4');
    await shoot(second.page, 'practice-synced', '#practice-synced');
    assert.deepEqual([...first.problems, ...second.problems], []);
  } finally {
    await context.close();
  }
});

// The Learn section: every page renders in both languages with no console error, no empty
// heading and no missing string; every "Open in the simulator" button loads a scenario that
// runs; the glossary links reach their pages; the memory diagram answers clicks and keys;
// on a phone every diagram's text stays readable (the diagram scrolls sideways instead).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, openPage, screenshot, rendersGlyphs, ARTIFACTS } from './harness.mjs';

const SLUGS = [
  'os', 'process', 'states', 'dispatcher', 'algorithms', 'pcb', 'context-switch',
  'threads', 'multi', 'ipc', 'sync', 'process-vs-thread', 'glossary',
];
const LANGUAGES = [
  { lang: 'en', locale: 'en-US' },
  { lang: 'ko', locale: 'ko-KR' },
];
const SCREENSHOTS = ['process', 'states', 'ipc'];
const RESULTS_READY = '#metrics-table tbody tr[data-pid]';
/** The results of a warm-up cache model scenario (its jobs table instead of the metrics). */
const WARMUP_READY = '#warmup-jobs tbody tr[data-job]';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

// Routes live in the fragment: `/learn/states` is `index.html#/learn/states`.
const url = (path) => new URL(`#${path}`, server.url).href;

/** The path of a screenshot in target/e2e/ (for shots of one element rather than the page). */
async function artifact(name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

/** Loads a Learn path and waits for its title. */
async function openLearn(context, path) {
  const opened = await openPage(context, url(path));
  await opened.page.waitForSelector('#learn-title');
  return opened;
}

/** Everything wrong with the text of the Learn page on screen, as a list of messages. */
async function textProblems(page, lang) {
  return page.evaluate((language) => {
    const problems = [];
    const main = document.querySelector('main.learn');
    if (!main) return ['no main.learn'];
    const hangul = /[\uac00-\ud7a3]/;
    for (const heading of main.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (!heading.textContent.trim()) problems.push(`empty ${heading.tagName}`);
    }
    for (const svg of main.querySelectorAll('svg')) {
      const label = svg.getAttribute('aria-label') ?? '';
      if (svg.getAttribute('role') !== 'img' || !label.trim()) problems.push('svg without role=img and a label');
      if (!svg.querySelector('title')?.textContent.trim()) problems.push('svg without a title');
    }
    const text = main.innerText;
    for (const bad of ['undefined', '[object', 'NaN', 'None', 'Some(']) {
      if (text.includes(bad)) problems.push(`text contains ${bad}`);
    }
    // A Rust enum name leaking through reads as CamelCase (ContextSwitch, OpenInSimulator).
    const camel = text.match(/\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b/g);
    if (camel) problems.push(`CamelCase words: ${[...new Set(camel)].join(', ')}`);
    // An example's file name (race-two-threads) in quotes, where its title should be.
    const ids = text.match(/["“][a-z]+(?:-[a-z0-9]+)+["”]/g);
    if (ids) problems.push(`internal names: ${[...new Set(ids)].join(', ')}`);
    // Both Korean particles left to the reader: 이(가), 을(를), 은(는).
    const particles = text.match(/[이을은]\([가를는]\)/g);
    if (particles) problems.push(`particles not chosen: ${[...new Set(particles)].join(', ')}`);
    const svgText = [...main.querySelectorAll('svg text')].map((node) => node.textContent).join(' ');
    if (/undefined|NaN/.test(svgText)) problems.push('diagram text contains undefined or NaN');
    if (language === 'en') {
      // English pages show no Korean, except the glossary's Korean column.
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (hangul.test(node.textContent) && !node.parentElement.closest('[lang="ko"]')) {
          problems.push(`Korean text on the English page: ${node.textContent.trim().slice(0, 60)}`);
        }
      }
    } else {
      // Korean pages: every sentence-level element has Korean in it (an English one was not translated).
      for (const element of main.querySelectorAll('h2, h3, p, dd, dt, caption, figure svg title')) {
        const content = element.textContent.trim();
        if (!content || element.closest('[lang="en"]')) continue;
        if (element.children.length === 1 && element.firstElementChild.tagName === 'CODE') continue;
        if (!hangul.test(content)) problems.push(`untranslated ${element.tagName}: ${content.slice(0, 60)}`);
      }
    }
    return problems;
  }, lang);
}

for (const { lang, locale } of LANGUAGES) {
  test(`every Learn page renders in ${lang} with no missing strings`, async () => {
    const context = await openBrowser({ locale });
    // Works offline once loaded: nothing is fetched from anywhere but the app's own server.
    const external = [];
    context.on('request', (request) => {
      const address = request.url();
      if (!address.startsWith(server.url) && !address.startsWith('data:') && !address.startsWith('blob:')) external.push(address);
    });
    try {
      const { page, problems } = await openLearn(context, '/learn');
      assert.equal(await page.getAttribute('html', 'lang'), lang);
      assert.deepEqual(await textProblems(page, lang), [], 'index');
      const topics = await page.$$eval('.topic-list a.topic-link', (links) => links.map((link) => link.getAttribute('href')));
      assert.deepEqual(topics, SLUGS.slice(0, 12).map((slug) => `#/learn/${slug}`));
      assert.equal(await page.locator('main.learn a[href="#/learn/glossary"]').count(), 1);
      if (lang === 'ko') {
        assert.ok(await rendersGlyphs(page, await page.textContent('#learn-title')), 'Korean title renders as tofu');
      }

      for (const [index, slug] of SLUGS.entries()) {
        await page.goto(url(`/learn/${slug}`));
        await page.waitForSelector(`main.learn-topic[data-topic="${slug}"] #learn-title`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.deepEqual(await textProblems(page, lang), [], slug);
        assert.ok(await page.locator('button.open-sim').count() >= 1, `${slug} has a simulator button`);
        assert.equal(await page.locator('button.open-sim:disabled').count(), 0, `${slug}: a scenario is unavailable`);
        const previous = page.locator('.topic-nav a.previous-topic');
        const next = page.locator('.topic-nav a.next-topic');
        assert.equal(await previous.count(), index > 0 ? 1 : 0, `${slug} previous link`);
        assert.equal(await next.count(), index < SLUGS.length - 1 ? 1 : 0, `${slug} next link`);
        if (index < SLUGS.length - 1) assert.equal(await next.getAttribute('href'), `#/learn/${SLUGS[index + 1]}`);
        if (SCREENSHOTS.includes(slug)) await screenshot(page, `learn-${slug}-${lang}`);
      }

      // Next/previous navigate inside the app, and the new page's title takes the focus.
      await page.goto(url('/learn/os'));
      await page.waitForSelector('#learn-title');
      await page.click('.topic-nav a.next-topic');
      await page.waitForSelector('main.learn-topic[data-topic="process"]');
      await page.waitForFunction(() => document.activeElement?.id === 'learn-title');

      await page.goto(url('/learn/no-such-topic'));
      await page.waitForSelector('main.learn-missing #learn-title');
      assert.deepEqual(problems, []);
      assert.deepEqual(external, [], 'requests outside the app');
    } finally {
      await context.close();
    }
  });
}

test('every "Open in the simulator" button loads a scenario that runs', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openLearn(context, '/learn');
    let clicked = 0;
    let examples_shown = 0;
    let menu_names = 0;
    let lessons_named = 0;
    for (const slug of SLUGS) {
      await page.goto(url(`/learn/${slug}`));
      await page.waitForSelector('button.open-sim');
      const ids = await page.$$eval('button.open-sim', (buttons) => buttons.map((button) => button.dataset.scenario));
      for (const [index, id] of ids.entries()) {
        if (index > 0) {
          await page.goBack();
          await page.waitForSelector(`main.learn-topic[data-topic="${slug}"] button.open-sim`);
        }
        // A card whose title differs from the example's name in the menu names it as the menu does.
        const named = await page.$eval(`button.open-sim[data-scenario="${id}"]`,
          (button) => button.closest('li.demo').querySelector('.demo-example')?.textContent ?? null);
        const cardTitle = await page.$eval(`button.open-sim[data-scenario="${id}"]`,
          (button) => button.closest('li.demo').querySelector('h4').textContent.trim());
        await page.click(`button.open-sim[data-scenario="${id}"]`);
        await page.waitForURL((address) => address.hash === '#/');
        const ready = id.startsWith('warmup-') ? WARMUP_READY : RESULTS_READY;
        await page.waitForSelector(ready, { timeout: 15000 });
        assert.equal(await page.locator('#problems-banner').count(), 0, `${slug} ${id}: problems banner`);
        assert.ok(await page.locator(ready).count() > 0, `${slug} ${id}: result rows`);
        // The lesson says to watch it run: the machine is in view, not a screen and a half below.
        if (!id.startsWith('warmup-')) {
          await page.waitForFunction(() => {
            const heading = document.querySelector('#watch-title')?.getBoundingClientRect();
            return heading && heading.top >= -1 && heading.top < window.innerHeight / 2;
          }, null, { timeout: 5000 }).catch(() => assert.fail(`${slug} ${id}: the machine is not in view`));
        }
        // What to watch for is said again under the machine's title, as the banner says it.
        if (!id.startsWith('warmup-')) {
          const notice = await page.textContent('#notice').catch(() => 'no banner');
          await page.waitForSelector('#watch-lesson', { timeout: 5000 }).catch(() => assert.fail(`${slug} ${id}: nothing to watch said by the machine (${notice})`));
          const watch = (await page.textContent('#watch-lesson .watch-lesson-text')).replace(/^What to watch: /, '');
          assert.ok(watch.length > 20 && (await page.textContent('#notice')).includes(watch), `${slug} ${id}: ${watch}`);
        }
        // An example opens as that example: chosen in the menu, its lesson above the results.
        const examples = await page.$$eval('#preset-select option', (options) => options.map((option) => option.value));
        if (examples.includes(id)) {
          assert.equal(await page.inputValue('#preset-select'), id, `${slug}: ${id} is shown as the example`);
          if (named !== null) {
            const title = await page.$eval('#preset-select', (select) => select.selectedOptions[0].textContent.trim());
            assert.ok(named.endsWith(`“${title}”`), `${slug} ${id}: the card says ${named}, the menu ${title}`);
            menu_names += 1;
          }
          examples_shown += 1;
        } else {
          // One built for the page says which it is, in the banner above the workspace.
          const banner = await page.textContent('#notice');
          assert.ok(banner.includes(`Learn's example “${cardTitle}”`), `${slug} ${id}: ${banner}`);
          lessons_named += 1;
        }
        clicked += 1;
      }
    }
    assert.ok(clicked >= SLUGS.length, `${clicked} buttons clicked`);
    assert.ok(examples_shown >= 10, `${examples_shown} buttons open an example of the menu`);
    assert.ok(menu_names >= 5, `${menu_names} cards name their example as the menu does`);
    assert.ok(lessons_named >= 5, `${lessons_named} examples built for their page are named in the banner`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

for (const locale of ['en-US', 'ko-KR']) {
  test(`on a phone every glossary entry is a card whose meaning is on screen (${locale})`, async () => {
    const context = await openBrowser({ locale, viewport: { width: 390, height: 844 } });
    try {
      const { page, problems } = await openLearn(context, '/learn/glossary');
      const layout = await page.evaluate(() => {
        const table = document.querySelector('table.glossary');
        const view = document.documentElement.clientWidth;
        const meanings = [...table.querySelectorAll('tbody tr td:nth-child(3)')].map((cell) => cell.getBoundingClientRect());
        return {
          table: table.scrollWidth, box: table.parentElement.clientWidth,
          page: document.documentElement.scrollWidth - view,
          off: meanings.filter((box) => box.left < 0 || box.right > view + 1).length,
          narrow: meanings.filter((box) => box.width < view / 2).length,
          count: meanings.length,
        };
      });
      assert.ok(layout.count >= 30, `${layout.count} entries`);
      assert.ok(layout.table <= layout.box, `the glossary (${layout.table} px) fits its box (${layout.box} px)`);
      assert.ok(layout.page <= 0, `the page scrolls sideways by ${layout.page} px`);
      assert.equal(layout.off, 0, 'every meaning is on screen');
      assert.equal(layout.narrow, 0, 'every meaning has at least half the width of the screen');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('the glossary links reach their pages', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openLearn(context, '/learn/glossary');
    const rows = await page.locator('table.glossary tbody tr').count();
    assert.ok(rows >= 30, `${rows} glossary entries`);
    const targets = await page.$$eval('a.glossary-link', (links) => [...new Set(links.map((link) => link.getAttribute('href')))]);
    assert.deepEqual([...targets].sort(), SLUGS.slice(0, 12).map((slug) => `#/learn/${slug}`).sort(), 'every topic is linked');
    for (const target of targets) {
      await page.click(`a.glossary-link[href="${target}"] >> nth=0`);
      await page.waitForURL((address) => address.hash === target);
      await page.waitForSelector(`main.learn-topic[data-topic="${target.split('/').pop()}"] #learn-title`);
      await page.goBack();
      await page.waitForSelector('table.glossary');
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the memory layout answers the mouse and the keyboard', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openLearn(context, '/learn/process');
    assert.equal(await page.textContent('.segment-detail h4'), 'Stack');
    await page.click('.segment-button[data-segment="heap"]');
    assert.equal(await page.textContent('.segment-detail h4'), 'Heap');
    assert.match(await page.textContent('.segment-detail'), /run time/);
    await page.click('svg .segment.static >> nth=2');
    assert.equal(await page.textContent('.segment-detail h4'), 'Code (text)');
    assert.match(await page.textContent('.segment-detail'), /compile/);

    await page.focus('.segment-button[data-segment="bss"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent('.segment-detail h4'), 'BSS');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.textContent('.segment-detail h4'), 'Data');

    const frames = () => page.locator('svg .segment.dynamic').first().locator('rect').count();
    assert.equal(await frames(), 1);
    await page.getByRole('button', { name: /Call a function/ }).click();
    await page.getByRole('button', { name: /Call a function/ }).click();
    assert.equal(await frames(), 3);
    // From the keyboard, until the stack meets the heap (one heap block: six frames fit). The
    // button stays where the focus is and says why nothing grows.
    await page.getByRole('button', { name: /Call a function/ }).focus();
    for (let press = 0; press < 5; press += 1) await page.keyboard.press('Enter');
    assert.equal(await frames(), 6);
    assert.match(await page.textContent('.memory-note'), /stack overflow/);
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /Call a function/);
    assert.match(await page.textContent('.memory-layout svg'), /no free space/);
    await page.getByRole('button', { name: /Return/ }).click();
    assert.equal(await page.textContent('.memory-note'), '', 'a step that works clears the note');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('from the keyboard alone: Tab reaches a simulator button, Enter opens the scenario', async () => {
  const context = await openBrowser({ locale: 'ko-KR' });
  try {
    const { page, problems } = await openLearn(context, '/learn/threads');
    let focused = '';
    for (let presses = 0; presses < 80 && focused !== 'open-sim'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.classList.contains('open-sim') ? 'open-sim' : ''));
    }
    assert.equal(focused, 'open-sim', 'Tab never reached a simulator button');
    assert.match(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), /^시뮬레이터에서 열기: /);
    await page.keyboard.press('Enter');
    await page.waitForURL((address) => address.hash === '#/');
    await page.waitForSelector(RESULTS_READY);
    assert.equal(await page.locator('#problems-banner').count(), 0);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

// Diagrams on a phone. The Learn diagrams are inline SVGs that scale with their column; on a
// 390 px phone that shrank their 12 px labels to about 6 px. Below the phone breakpoint a diagram
// keeps its natural size (one viewBox unit per CSS pixel) and scrolls sideways instead.

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
/** The smallest text a reader should have to read, in CSS pixels as displayed. */
const MIN_TEXT_PX = 12;
/** Every topic page with at least one diagram (all but the glossary). */
const DIAGRAM_SLUGS = SLUGS.filter((slug) => slug !== 'glossary');

/**
 * Measures every diagram on the page: the font size of each SVG text as displayed (its computed
 * font size times the SVG's scale, rendered width / viewBox width), texts that stick out of the
 * viewBox (clipped), and how the diagram scrolls.
 */
async function measureDiagrams(page) {
  // A diagram drawn twice (wide, and upright for a phone) is measured as shown.
  return page.evaluate(() => [...document.querySelectorAll('main.learn figure.diagram')].filter((figure) => figure.checkVisibility()).map((figure) => {
    const svg = figure.querySelector('svg');
    const box = svg.viewBox.baseVal;
    const scale = svg.getBoundingClientRect().width / box.width;
    // On screen, so that a text moved by its group's transform is measured where it is drawn.
    const frame = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].map((text) => {
      const bounds = text.getBoundingClientRect();
      return {
        text: text.textContent,
        px: parseFloat(getComputedStyle(text).fontSize) * scale,
        clipped: bounds.left < frame.left - 0.5 || bounds.top < frame.top - 0.5
          || bounds.right > frame.right + 0.5 || bounds.bottom > frame.bottom + 0.5,
      };
    });
    const scroller = figure.querySelector('.diagram-scroll');
    const hint = figure.querySelector('.diagram-hint');
    return {
      label: svg.getAttribute('aria-label').slice(0, 40),
      scale,
      texts,
      overflows: scroller ? scroller.scrollWidth > scroller.clientWidth : false,
      tabindex: scroller?.getAttribute('tabindex') ?? null,
      role: scroller?.getAttribute('role') ?? null,
      scrollLabel: scroller?.getAttribute('aria-label') ?? null,
      hintVisible: hint ? hint.checkVisibility() : false,
    };
  }));
}

for (const { lang, locale } of LANGUAGES) {
  test(`on a 390 px phone every diagram's text is at least ${MIN_TEXT_PX} px in ${lang}`, async () => {
    const context = await openBrowser({ locale, viewport: PHONE });
    try {
      const { page, problems } = await openLearn(context, '/learn');
      const small = [];
      const scrolling = [];
      let measured = 0;
      for (const slug of DIAGRAM_SLUGS) {
        await page.goto(url(`/learn/${slug}`));
        await page.waitForSelector(`main.learn-topic[data-topic="${slug}"] #learn-title`);
        const diagrams = await measureDiagrams(page);
        assert.ok(diagrams.length >= 1, `${slug} has a diagram`);
        for (const diagram of diagrams) {
          for (const { text, px, clipped } of diagram.texts) {
            measured += 1;
            if (px < MIN_TEXT_PX - 0.01) small.push(`${slug}: "${text}" at ${px.toFixed(1)} px`);
            assert.ok(!clipped, `${slug}: "${text}" sticks out of its diagram`);
          }
          if (diagram.overflows) {
            scrolling.push(`${slug}: ${diagram.label}`);
            // A diagram that scrolls says so, and the keyboard can scroll it.
            assert.equal(diagram.tabindex, '0', `${slug}: ${diagram.label} scrolls but takes no focus`);
            assert.equal(diagram.role, 'group', `${slug}: ${diagram.label} scroller role`);
            assert.ok(diagram.scrollLabel?.trim(), `${slug}: ${diagram.label} scroller has no label`);
            assert.ok(diagram.hintVisible, `${slug}: ${diagram.label} scrolls with no visible hint`);
          } else {
            assert.equal(diagram.tabindex, null, `${slug}: ${diagram.label} is a tab stop but does not scroll`);
            assert.ok(!diagram.hintVisible, `${slug}: ${diagram.label} shows a scroll hint but does not scroll`);
          }
        }
        // The diagram scrolls, not the page.
        const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(pageWidth <= PHONE.width, `${slug}: the page is ${pageWidth} px wide`);
        await page.locator('main.learn figure.diagram:visible').first().screenshot({ path: await artifact(`learn-diagram-phone-${slug}-${lang}`) });
      }
      assert.ok(measured > 100, `${measured} texts measured`);
      assert.deepEqual(small, [], `texts under ${MIN_TEXT_PX} px`);
      // Every diagram has a phone's drawing: none scrolls sideways at 390 px (eight did, the
      // five states' Running and Exit out of sight).
      assert.deepEqual(scrolling, []);

      // The five states stand upright on a phone: the whole graph on the screen, nothing to
      // scroll (Running and Exit had been out of sight).
      await page.goto(url('/learn/states'));
      await page.waitForSelector('#learn-title');
      const [upright] = await measureDiagrams(page);
      assert.ok(!upright.overflows && upright.scale === 1, JSON.stringify(upright));
      assert.ok(upright.texts.some(({ text }) => /Running/.test(text)) && upright.texts.some(({ text }) => /Exit/.test(text)));
      // No diagram scrolls at 390 px; on a narrower phone one still does. Keyboard: the
      // scrolling diagram takes the focus, and the arrow keys scroll it to its end.
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(url('/learn/states'));
      await page.waitForSelector('#learn-title');
      await page.locator('main.learn .diagram-scroll[tabindex="0"]').first().focus();
      const hidden = await page.evaluate(() => document.activeElement.scrollWidth - document.activeElement.clientWidth);
      for (let scrolled = 0; scrolled < hidden; scrolled += 40) await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => {
        const scroller = document.activeElement;
        return scroller.classList.contains('diagram-scroll')
          && scroller.scrollLeft >= scroller.scrollWidth - scroller.clientWidth - 1;
      });
      await page.screenshot({ path: await artifact(`learn-diagram-phone-${lang}`) });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('on a desktop the diagrams are drawn as before: no scrolling, no extra tab stops', async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: DESKTOP });
  try {
    const { page, problems } = await openLearn(context, '/learn');
    for (const slug of DIAGRAM_SLUGS) {
      await page.goto(url(`/learn/${slug}`));
      await page.waitForSelector(`main.learn-topic[data-topic="${slug}"] #learn-title`);
      for (const diagram of await measureDiagrams(page)) {
        assert.ok(!diagram.overflows, `${slug}: ${diagram.label} scrolls on a desktop`);
        assert.equal(diagram.tabindex, null, `${slug}: ${diagram.label} is a tab stop`);
        assert.ok(!diagram.hintVisible, `${slug}: ${diagram.label} shows a scroll hint`);
        assert.ok(diagram.scale <= 1.0001, `${slug}: ${diagram.label} drawn larger than its natural size`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a Learn page links to its subject in Practice: the sync page opens three semaphore exercises', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openLearn(context, '/learn/sync');
    const links = await page.$$eval('.practise-it a', (anchors) => anchors.map((a) => a.dataset.topic));
    assert.deepEqual(links, ['race', 'semaphore', 'deadlock']);
    // From the bottom of the Learn page: the exercises open at the top of Practice (they had
    // opened where the Learn page was scrolled, their first lines out of sight).
    await page.$eval('.practise-it', (section) => section.scrollIntoView());
    const left = await page.evaluate(() => window.scrollY);
    assert.ok(left > 300);
    await page.click('.practise-it a[data-topic="semaphore"]');
    await page.waitForSelector('#semaphore-steps');
    assert.match(await page.textContent('#exercise-title'), /^Exercise 1 \/ 3: Semaphores .* · Medium/);
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Practice opens at its top');
    // Back returns to where the Learn page was left, Forward to Practice's top.
    await page.goBack();
    await page.waitForSelector('.practise-it');
    await page.waitForFunction((y) => Math.abs(window.scrollY - y) <= 2, left, { timeout: 5000 })
      .catch(async () => assert.fail(`Back left the page at ${await page.evaluate(() => window.scrollY)}, not ${left}`));
    await page.goForward();
    await page.waitForSelector('#semaphore-steps');
    await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 5000 });
    // The header's links too: the Learn index, scrolled, then Practice.
    await page.click('nav a[href$="#/learn"]');
    await page.waitForURL((address) => address.hash === '#/learn');
    await page.waitForFunction(() => document.body.scrollHeight > window.innerHeight + 100);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    assert.ok(await page.evaluate(() => window.scrollY) > 100);
    await page.click('nav a[href$="#/practice"]');
    await page.waitForSelector('#exercise-title');
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'Practice opens at its top');
    // A page with no practice of its own has no such section.
    await page.goto(page.url().replace(/#.*/, '#/learn/os'));
    await page.waitForSelector('#learn-title');
    assert.equal(await page.$('.practise-it'), null);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

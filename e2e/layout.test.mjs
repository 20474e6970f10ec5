// The page as a student meets it (issue "The page a student picks over a textbook table"):
// a textbook-sized example fills the first screen of a laptop, nothing is clipped at laptop,
// phone and projector widths in either language, the canvas is readable from the back of a
// room, and a table pasted from a textbook gives the CLI's numbers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, openPage, screenshot, scratchDirectory } from './harness.mjs';
import { buildCli, cliNumbers, cliRun, readNumbers, waitForFreshResults } from './page-helpers.mjs';

const TIMEOUT = { timeout: 240_000 };
const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
];
// Silberschatz's SRTF example plus a fifth job, as a textbook prints it.
const TABLE = 'Process\tArrival Time\tBurst Time\nP1\t0\t8\nP2\t1\t4\nP3\t2\t9\nP4\t3\t5\nP5\t4\t2\n';

let server;
before(async () => {
  server = await startServer();
  await buildCli();
});
after(async () => server.close());

/** Records every canvas font set from the start, so the smallest can be read later. */
async function recordCanvasFonts(context) {
  await context.addInitScript(() => {
    window.__canvasFonts = [];
    window.__ganttFonts = [];
    const descriptor = Object.getOwnPropertyDescriptor(CanvasRenderingContext2D.prototype, 'font');
    Object.defineProperty(CanvasRenderingContext2D.prototype, 'font', {
      get() { return descriptor.get.call(this); },
      set(value) {
        const canvas = this.canvas;
        if (canvas && canvas.id === 'watch-canvas') {
          // The painter works in CSS pixels times the canvas's scale to its buffer.
          const scale = canvas.width / canvas.getBoundingClientRect().width || 1;
          const px = /([\d.]+)px/.exec(value);
          if (px) window.__canvasFonts.push(Number(px[1]) / scale);
        } else if (canvas && canvas.id === 'gantt-canvas') {
          // plotters draws through a transform scaled to the buffer: its sizes are CSS pixels.
          const px = /([\d.]+)px/.exec(value);
          if (px) window.__ganttFonts.push(Number(px[1]));
        }
        descriptor.set.call(this, value);
      },
    });
  });
}

/** Pastes `text` into the first cell of the workload table, as a browser paste would. */
async function pasteTable(page, text) {
  await page.click('#add-process');
  await page.waitForSelector('#p0-name');
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.querySelector('#p0-name').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Elements whose text spills out of their box or is cut by it, with what they say. */
async function clippedText(page) {
  return page.evaluate(() => {
    const found = [];
    for (const element of document.querySelectorAll('body *')) {
      const style = getComputedStyle(element);
      if (style.display === 'none' || style.visibility === 'hidden' || element.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary), canvas, svg, .definition')) continue;
      // Hidden for the eye and kept for screen readers by a media query (the phone's speed label).
      if (style.position === 'absolute' && style.clip === 'rect(0px, 0px, 0px, 0px)') continue;
      if (['auto', 'scroll'].includes(style.overflowX) || element.matches('input, select, textarea, option, html, body')) continue;
      if (element.clientWidth === 0) continue;
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
      if (!hasText) continue;
      if (element.scrollWidth > element.clientWidth + 1) {
        found.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${[...element.classList].join('.')}: "${element.textContent.trim().slice(0, 40)}" (${element.scrollWidth} > ${element.clientWidth})`);
      }
    }
    // Inputs whose value is wider than the box show it cut off.
    for (const input of document.querySelectorAll('.pcb input, .pcb td, .pcb th')) {
      if (input.scrollWidth > input.clientWidth + 1) found.push(`PCB ${input.tagName}: "${input.textContent.trim().slice(0, 40)}"`);
    }
    return found;
  });
}

for (const lang of ['en', 'ko']) {
  for (const size of SIZES) {
    test(`a pasted 5-process example at ${size.width}x${size.height} (${lang}): first screen, no clipped text, canvas text >= 12 px`, TIMEOUT, async () => {
      const context = await openBrowser({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: size });
      try {
        await recordCanvasFonts(context);
        const { page, problems } = await openPage(context, server.url);
        await pasteTable(page, TABLE);
        await page.selectOption('#policy-kind', 'srtf');
        await waitForFreshResults(page);
        // The paste is said under the table, not in a banner at the top.
        assert.equal(await page.locator('#notice').count(), 0);
        await page.evaluate(() => window.scrollTo(0, 0));
        // Select a thread so the PCB inspector shows its values.
        await page.selectOption('#inspect-select', { index: 1 });
        await page.waitForSelector('#pcb-table');
        await screenshot(page, `layout-${size.width}x${size.height}-${lang}`);

        if (size.width === 1280) {
          // Policy, workload and results (the Gantt chart and the averages) on the first screen.
          for (const selector of ['#policy-kind', '#workload', '#gantt-canvas', '#avg-waiting']) {
            const box = await page.locator(selector).boundingBox();
            assert.ok(box, `${selector} is on the page`);
            assert.ok(box.y >= 0 && box.y + box.height <= size.height, `${selector} ends at ${box.y + box.height}, below the first ${size.height} px`);
          }
        }
        assert.deepEqual(await clippedText(page), [], 'text cut off or spilling out of its box');

        await page.locator('#watch-canvas').scrollIntoViewIfNeeded();
        await page.click('#to-end');
        await page.click('#tick-back');
        await page.waitForTimeout(500);
        const ganttFonts = await page.evaluate(() => window.__ganttFonts);
        assert.ok(ganttFonts.length > 0, 'the Gantt chart drew text');
        assert.ok(Math.min(...ganttFonts) >= 12, `smallest Gantt chart text ${Math.min(...ganttFonts)} px`);
        const fonts = await page.evaluate(() => window.__canvasFonts);
        assert.ok(fonts.length > 0, 'the watch canvas drew text');
        assert.ok(Math.min(...fonts) >= 12, `smallest canvas text ${Math.min(...fonts).toFixed(1)} px`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}

test('a table pasted from a textbook gives the CLI numbers', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await pasteTable(page, TABLE);
    await page.selectOption('#policy-kind', 'srtf');
    await waitForFreshResults(page);
    const names = await page.$$eval('#workload tbody.process input[id$="-name"]', (inputs) => inputs.map((input) => input.value));
    assert.deepEqual(names, ['P1', 'P2', 'P3', 'P4', 'P5']);
    const shown = await readNumbers(page);
    const file = join(await scratchDirectory('proclab-paste-'), 'pasted.json');
    await writeFile(file, JSON.stringify({
      processes: [[0, 8], [1, 4], [2, 9], [3, 5], [4, 2]].map(([arrival, burst], index) => ({ name: `P${index + 1}`, arrival, bursts: [{ cpu: burst }] })),
      policy: { kind: 'srtf' },
    }));
    const expected = cliNumbers(await cliRun(file));
    assert.deepEqual(shown.rows, expected.rows);
    assert.deepEqual(shown.averages, expected.averages);
    // Undo, beside the words that say what the paste replaced, brings that workload back.
    await page.click('#paste-undo');
    await page.waitForFunction(() => document.querySelectorAll('#workload tbody.process').length === 1);
    // A row missing its burst gets no made-up one: the field is empty and says so.
    await pasteTable(page, 'Name Arrival Burst\nA 0 7\nC 2');
    await page.waitForFunction(() => document.querySelectorAll('#workload tbody.process').length === 2);
    assert.equal(await page.inputValue('#p1-bursts'), '');
    assert.equal(await page.getAttribute('#p1-bursts', 'aria-invalid'), 'true');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the paste box opened at a laptop\'s height shows its button, and reads what is typed into it', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.click('.paste-box > summary');
    // Its button is within the form's column and the window (it had been below the column's
    // bottom edge, reached only by scrolling the column).
    await page.waitForFunction(() => {
      const button = document.querySelector('#paste-read').getBoundingClientRect();
      const column = document.querySelector('.inputs').getBoundingClientRect();
      return button.height > 0 && button.bottom <= Math.min(column.bottom, window.innerHeight) + 1;
    }, null, { timeout: 5000 }).catch(() => assert.fail('the Read button is out of sight'));
    const readNames = () => page.$$eval('#workload tbody.process input[id$="-name"]', (inputs) => inputs.map((input) => input.value));
    const before = await readNames();
    await page.fill('#paste-area', 'Process Arrival Burst\nA 0 7\nB 2 4');
    await page.click('#paste-read');
    await page.waitForFunction(() => document.querySelectorAll('#workload tbody.process').length === 2);
    assert.deepEqual(await readNames(), ['A', 'B']);
    // Where the paste was, not only in the banner at the page's top: what replaced what, and Undo.
    // A fresh page has no rows: nothing was replaced, and there is nothing to undo.
    assert.deepEqual(before, []);
    assert.equal(await page.textContent('#paste-done'), 'Read 2 processes from the pasted table.');
    assert.equal(await page.locator('#paste-undo').count(), 0);
    // Over an example too (its changed-example banner had taken the place of Undo), with bursts
    // typed as the form takes them, spaces and all.
    await page.selectOption('#preset-select', 'rr-silberschatz');
    await waitForFreshResults(page);
    await page.fill('#paste-area', 'A 0 5 io3 2\nB 1 4');
    await page.click('#paste-read');
    await page.waitForFunction(() => document.querySelectorAll('#workload tbody.process').length === 2);
    assert.equal(await page.inputValue('#p0-bursts'), '5 io3 2');
    assert.match(await page.textContent('#paste-done'), /They replace the 3 rows that were there/);
    // Said once, where it was made: no banner at the page's top repeats it.
    assert.equal(await page.locator('#notice').count(), 0, 'no banner repeats the paste');
    assert.equal(await page.locator('#paste-undo').count(), 1, 'Undo beside the words');
    await page.click('#paste-undo');
    await page.waitForFunction(() => document.querySelectorAll('#workload tbody.process').length === 3);
    assert.deepEqual(await readNames(), ['P1', 'P2', 'P3']);
    assert.equal(await page.locator('#paste-done').count(), 0, 'said no more once undone');
    // A table that cannot be read says so where it was pasted, and the rows stay.
    await page.fill('#paste-area', 'a,b,c,d,e\n');
    await page.click('#paste-read');
    assert.match(await page.textContent('#paste-done.field-error'), /^Row 1 of the pasted table has more cells than there are columns/);
    assert.equal(await page.locator('#workload tbody.process').count(), 3);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a workload with a priority column keeps each row on one line at a laptop\'s width, and an empty priority shows the 0 it runs with', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.selectOption('#preset-select', 'priority-starvation');
    await waitForFreshResults(page);
    // The row's five buttons on one line: a row as tall as its fields, not two lines of buttons.
    const heights = await page.$$eval('#workload tbody.process', (rows) => rows.map((row) => {
      const buttons = [...row.querySelectorAll('.row-actions button')].map((button) => button.getBoundingClientRect().top);
      return Math.max(...buttons) - Math.min(...buttons);
    }));
    assert.ok(heights.length > 3 && heights.every((spread) => spread < 4), `buttons on two lines: ${heights}`);
    await page.fill('#p0-priority', '');
    assert.equal(await page.getAttribute('#p0-priority', 'placeholder'), '0');
    await waitForFreshResults(page);
    assert.equal(await page.locator('#problems-banner').count(), 0, 'an empty priority is no problem');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a 390 px phone every metrics heading\'s and total\'s definition opens whole on the screen', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.selectOption('#preset-select', 'srtf-vs-sjf');
    await waitForFreshResults(page);
    const headings = await page.locator('#metrics-table thead .defined:visible, .totals .defined').count();
    assert.ok(headings >= 3, `${headings} defined headings`);
    for (let index = 0; index < headings; index += 1) {
      const heading = page.locator('#metrics-table thead .defined:visible, .totals .defined').nth(index);
      await heading.scrollIntoViewIfNeeded();
      await heading.click();
      const definition = heading.locator('.definition');
      await definition.waitFor({ state: 'visible' });
      const box = await definition.boundingBox();
      const text = (await definition.textContent()).trim();
      assert.ok(text.length > 0, 'it says something');
      assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.y >= 0 && box.y + box.height <= 844,
        `${text}: ${JSON.stringify(box)} within the screen`);
      // Its text is what the reader sees there: the topmost element at its middle is the definition.
      const topmost = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.definition') !== null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 });
      assert.ok(topmost, `${text} is not covered`);
    }
    // The two columns a phone leaves out are said to be under More columns (nothing had said so),
    // and come back there; the note is for a phone only.
    assert.equal(await page.isVisible('#metrics-table thead .arrival'), false);
    assert.match(await page.textContent('#phone-columns-hint'), /도착과 완료 열이 ‘열 더 보기’에/);
    await page.check('#more-metrics');
    assert.equal(await page.isVisible('#metrics-table thead .arrival'), true);
    assert.equal(await page.$('#phone-columns-hint'), null);
    await page.uncheck('#more-metrics');
    await page.setViewportSize({ width: 1280, height: 844 });
    assert.equal(await page.isVisible('#phone-columns-hint'), false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

for (const lang of ['en', 'ko']) {
  test(`on a 390 px phone an example with threads lays each process out as a card (${lang}): every field under its heading, nothing scrolls sideways`, TIMEOUT, async () => {
    const context = await openBrowser({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: { width: 390, height: 844 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      for (const preset of ['race-two-threads', 'threads-user-level']) {
        await page.selectOption('#preset-select', preset);
        await waitForFreshResults(page);
        const card = await page.evaluate(() => {
          const table = document.querySelector('#workload');
          const row = table.querySelector('tbody.process > tr');
          const headings = [...row.querySelectorAll('td[data-label]')].map((cell) => {
            const before = getComputedStyle(cell, '::before');
            return { label: cell.dataset.label, shown: before.content.replace(/^"|"$/g, ''), display: before.display };
          });
          const fields = [...row.querySelectorAll('input')].map((input) => {
            const box = input.getBoundingClientRect();
            return { id: input.id, width: box.width, right: box.right };
          });
          return {
            advanced: table.classList.contains('advanced'),
            table: table.scrollWidth, box: table.parentElement.clientWidth,
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            right: table.parentElement.getBoundingClientRect().right,
            headings, fields,
          };
        });
        assert.ok(card.advanced, `${preset} shows the working set, CPU and thread columns`);
        assert.ok(card.table <= card.box, `${preset}: the table (${card.table} px) fits its box (${card.box} px)`);
        assert.ok(card.page <= 0, `${preset}: the page scrolls sideways by ${card.page} px`);
        assert.equal(card.headings.length, 6, `${preset}: name, arrival, bursts, working set, CPUs and threads are labelled`);
        for (const heading of card.headings) {
          assert.equal(heading.shown, heading.label, `${preset}: the heading ${heading.label} is shown above its field`);
          assert.equal(heading.display, 'block');
        }
        for (const field of card.fields) {
          assert.ok(field.width >= 60, `${preset}: ${field.id} is ${field.width} px wide`);
          assert.ok(field.right <= card.right + 1, `${preset}: ${field.id} ends inside the box`);
        }
        const remove = await page.locator('#workload tbody.process').first().locator('button.danger').first().boundingBox();
        assert.ok(remove.x + remove.width <= card.right, `${preset}: Remove is on screen`);
      }
      // With a priority beside the working set, CPUs and threads, the card takes five lines:
      // every thread's + is itself under a finger (it had fallen under the row's </> button).
      await page.selectOption('#preset-select', 'priority-aging');
      await waitForFreshResults(page);
      await page.check('#advanced-columns');
      const covered = await page.evaluate(() => [...document.querySelectorAll('#workload .threads-cell button')].slice(0, 3).map((button) => {
        button.scrollIntoView({ block: 'center' });
        const box = button.getBoundingClientRect();
        const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return top === button || button.contains(top) ? '' : `${button.getAttribute('aria-label')} under ${top?.outerHTML.slice(0, 80)}`;
      }));
      assert.equal(covered.length, 3);
      assert.deepEqual(covered.filter(Boolean), []);
      // A program of 20 lines: each line number stays on one line beside its line of code (10
      // and up broke into 1/0 in English), and the example's description keeps the notice's
      // width, its buttons under it (beside them it was a column two or three words wide).
      // At 360 px, the narrowest phone the page is laid out for.
      await page.setViewportSize({ width: 360, height: 740 });
      await page.selectOption('#preset-select', 'deadlock-two-locks');
      await waitForFreshResults(page);
      const program = await page.evaluate(() => {
        const lines = [...document.querySelectorAll('.code-box .gutter-line')];
        const notice = document.querySelector('#notice');
        return {
          count: lines.length,
          heights: [...new Set(lines.map((line) => Math.round(line.getBoundingClientRect().height)))],
          text: notice.querySelector('p').getBoundingClientRect().width,
          notice: notice.clientWidth,
        };
      });
      assert.ok(program.count >= 10, `${program.count} line numbers`);
      assert.equal(program.heights.length, 1, `every line number one line tall: ${program.heights}`);
      assert.ok(program.text >= program.notice * 0.8, `the description is ${program.text} px of the notice's ${program.notice}`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('#workload').scrollIntoViewIfNeeded();
      await screenshot(page, `layout-threads-phone-${lang}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

for (const lang of ['en', 'ko']) {
  test(`an example with threads shows every column of its workload at 1280 px (${lang}): no sideways scroll, no heading spilling into the next`, TIMEOUT, async () => {
    const context = await openBrowser({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      for (const preset of ['race-two-threads', 'threads-user-level']) {
        await page.selectOption('#preset-select', preset);
        await waitForFreshResults(page);
        const fit = await page.evaluate(() => {
          const table = document.querySelector('#workload');
          const heads = [...table.querySelectorAll('thead th')]
            .filter((th) => th.scrollWidth > th.clientWidth + 1)
            .map((th) => th.textContent);
          return { advanced: table.classList.contains('advanced'), table: table.scrollWidth, box: table.parentElement.clientWidth, heads };
        });
        assert.ok(fit.advanced, `${preset} shows the working set, CPU and thread columns`);
        assert.ok(fit.table <= fit.box, `${preset}: the table (${fit.table} px) fits its box (${fit.box} px)`);
        assert.deepEqual(fit.heads, [], `${preset}: headings wider than their column`);
        // Every field wide enough to read what is typed in it (in the form's 513 px the eight
        // columns had left the name and bursts 33 px each: the process is a card there).
        const narrow = await page.$$eval('#workload tbody.process:first-of-type > tr:first-child input', (inputs) =>
          inputs.map((input) => [input.id, Math.round(input.getBoundingClientRect().width)]).filter(([, width]) => width < 60));
        assert.deepEqual(narrow, [], `${preset}: fields narrower than 60 px`);
        // The row's last button, Remove, is on screen without scrolling the table.
        const remove = await page.locator('#workload tbody.process').first().locator('button.danger').first().boundingBox();
        const box = await page.locator('.workload-scroll').boundingBox();
        assert.ok(remove.x + remove.width <= box.x + box.width, `${preset}: Remove is inside the table's box`);
      }
      await screenshot(page, `layout-threads-1280-${lang}`);
      // A priority beside name, arrival and bursts: still a table, the bursts' field wide enough
      // for "5 io3 2" (it had 41 px, under the priority's field).
      await page.selectOption('#preset-select', 'priority-aging');
      await waitForFreshResults(page);
      assert.equal(await page.isChecked('#advanced-columns'), false);
      const bursts = await page.$eval('#p0-bursts', (input) => input.getBoundingClientRect().width);
      assert.ok(bursts >= 100, `the bursts' field is ${bursts} px wide`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

for (const [lang, width] of [['en', 1280], ['ko', 390]]) {
  test(`a chart's data table, opened, scrolls in its own box and its long activities wrap (${lang} ${width}): the page never scrolls sideways`, TIMEOUT, async () => {
    const context = await openBrowser({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: { width, height: 844 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.selectOption('#preset-select', 'mutex-blocking');
      await waitForFreshResults(page);
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      // The run's Gantt chart: every segment, with what it is in words.
      await page.click('section.gantt details.chart-data > summary');
      await page.waitForSelector('section.gantt details.chart-data table tbody tr');
      const gantt = await page.evaluate(() => {
        const table = document.querySelector('section.gantt details.chart-data table');
        const box = table.parentElement;
        const section = document.querySelector('section.gantt').getBoundingClientRect();
        const activities = [...table.querySelectorAll('tbody tr td:last-child')];
        return {
          scrolls: getComputedStyle(box).overflowX,
          boxRight: box.getBoundingClientRect().right, sectionRight: section.right,
          // A cell whose text runs past its own box is cut off.
          cut: activities.filter((cell) => cell.scrollWidth > cell.clientWidth + 1).map((cell) => cell.textContent).slice(0, 3),
          longest: Math.max(...activities.map((cell) => cell.textContent.length)),
        };
      });
      assert.equal(gantt.scrolls, 'auto', 'the table sits in a box of its own that scrolls');
      assert.ok(gantt.boxRight <= gantt.sectionRight + 1, `the box ends at ${gantt.boxRight}, inside its section (${gantt.sectionRight})`);
      assert.deepEqual(gantt.cut, [], 'no activity is cut off');
      assert.ok(gantt.longest > 40, 'the example has activities of a sentence');
      assert.ok(await sideways() <= 0, 'the page does not scroll sideways');
      // The comparison of every policy: its table too.
      await page.click('#tab-compare');
      await page.waitForSelector('#compare-canvas', { timeout: 60_000 });
      await page.evaluate(() => document.querySelectorAll('details.chart-data').forEach((details) => {
        if (details.offsetParent) details.open = true;
      }));
      await page.waitForTimeout(200);
      const boxes = await page.evaluate(() => [...document.querySelectorAll('details.chart-data table')]
        .map((table) => getComputedStyle(table.parentElement).overflowX));
      assert.ok(boxes.length >= 1 && boxes.every((overflow) => overflow === 'auto'), JSON.stringify(boxes));
      assert.ok(await sideways() <= 0, `the compare tab scrolls sideways by ${await sideways()} px`);
      await screenshot(page, `layout-chart-data-${lang}-${width}`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}

test('a field\'s problem is said next to it: the arrival\'s under the card\'s fields, a thread\'s registers under that thread', TIMEOUT, async () => {
  for (const [locale, viewport] of [['ko-KR', { width: 1366, height: 768 }], ['en-US', { width: 390, height: 844 }]]) {
    const context = await openBrowser({ locale, viewport });
    try {
      const { page } = await openPage(context, server.url);
      await page.selectOption('#preset-select', 'deadlock-two-locks');
      await waitForFreshResults(page);
      await page.fill('#p0-arrival', 'abc');
      await page.fill('#p0-t1-registers', 'bx=zz');
      await page.waitForSelector('#p0-t1-registers-error');
      const box = async (selector) => page.$eval(selector, (element) => {
        const rect = element.getBoundingClientRect();
        return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY };
      });
      const arrival = await box('#p0-arrival');
      const arrivalError = await box('#p0-arrival-error');
      assert.ok(arrivalError.top > arrival.bottom && arrivalError.top - arrival.bottom < 120,
        `${viewport.width}: the arrival's problem ${arrivalError.top - arrival.bottom}px under it`);
      const second = await box('#p0-t1-registers');
      const secondError = await box('#p0-t1-registers-error');
      assert.ok(secondError.top >= second.bottom && secondError.top - second.bottom < 40,
        `${viewport.width}: thread 2's registers' problem ${secondError.top - second.bottom}px under them`);
      const first = await box('#p0-t0-registers');
      assert.ok(first.bottom < secondError.top, 'said under thread 2, not above thread 1');
      await screenshot(page, `problems-beside-fields-${locale}-${viewport.width}`);
    } finally {
      await context.close();
    }
  }
});

test('on a touch phone a box to tick is reached by its words, 44 px tall, and an average typed in the last row reads like every answer', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'rr-silberschatz');
    await page.waitForSelector('#metrics-table');
    // The machine's and the rules' boxes, and the metrics' "more columns": every one shown.
    const heights = await page.$$eval('.check > label, .inline-check', (labels) => labels
      .filter((label) => label.getClientRects().length > 0)
      .map((label) => [label.textContent.trim().slice(0, 30), label.getBoundingClientRect().height]));
    assert.ok(heights.length >= 2, JSON.stringify(heights));
    for (const [text, height] of heights) assert.ok(height >= 44 - 0.5, `“${text}” is ${height} px tall`);
    // Practice: an FCFS exercise's averages are typed in the table's last row.
    await page.goto(`${server.url}#/practice`);
    await page.waitForSelector('#practice-times tfoot input');
    const weights = await page.$$eval('#practice-times input', (inputs) => [...new Set(inputs
      .filter((input) => input.getClientRects().length > 0)
      .map((input) => getComputedStyle(input).fontWeight))]);
    assert.deepEqual(weights, ['400']);
    // The exercise comes before the set's link and the hand-in, and the link's label says so.
    const [exercise, share] = await page.evaluate(() => ['#exercise-title', '.practice-share']
      .map((selector) => document.querySelector(selector).getBoundingClientRect().top));
    assert.ok(exercise < share, `the exercise at ${exercise}px, the link at ${share}px`);
    assert.equal(await page.innerText('#practice-link-label'), '위에서 지금 푸는 세트의 링크');
    await page.setViewportSize({ width: 1280, height: 844 });
    assert.equal(await page.innerText('#practice-link-label'), '아래에서 지금 푸는 세트의 링크');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone a file\'s mistake is told whole, in Korean, not folded behind "More" as a description is', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    const file = '{"processes": [{"bursts": [{"cpu": 5}]}],\n "policy": {"kind": "mlfq",\n  "levels": [{"quantum": 2, "allotment": 1},\n             {"quantum": 4, "alotment": 1}]}}\n';
    await page.setInputFiles('#upload-json', { name: 'levels.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.waitForSelector('#notice.error');
    const text = await page.innerText('#notice.error p');
    assert.match(text, /policy\.levels\[1\]\.alotment\(4번째 줄 \d+번째 글자\)/);
    assert.match(text, /“alotment”라는 항목은 없습니다\. 쓸 수 있는 항목: quantum, allotment/);
    assert.equal(await page.$('#notice .clamp-more'), null, 'no More button');
    // The words are all on screen: the paragraph is as tall as its text.
    const [height, scroll] = await page.$eval('#notice.error p', (p) => [p.clientHeight, p.scrollHeight]);
    assert.ok(scroll <= height + 1, `${scroll} px of text in ${height} px`);
    await screenshot(page, 'file-error-phone-ko');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('on a phone a long example description shows its first lines and a button for the rest; the examples menu follows on the first screen', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'mutex-blocking');
    await page.waitForSelector('#notice .clamp-more');
    const box = (selector) => page.$eval(selector, (element) => element.getBoundingClientRect().toJSON());
    const folded = await box('#notice');
    // The whole description was about 30 lines (620 px); the menu now follows it on the screen.
    assert.ok(folded.height < 200, `the description is ${folded.height} px tall`);
    assert.ok((await box('#preset-select')).bottom < 844, 'the examples menu is on the first screen');
    assert.equal(await page.getAttribute('#notice .clamp-more', 'aria-expanded'), 'false');
    await page.click('#notice .clamp-more');
    assert.equal(await page.getAttribute('#notice .clamp-more', 'aria-expanded'), 'true');
    const whole = await box('#notice');
    assert.ok(whole.height > folded.height + 200, `unfolded ${whole.height} px against ${folded.height}`);
    assert.equal(await page.innerText('#notice .clamp-more'), 'Less ▴');
    // Another example starts folded. At a laptop's width a description is two lines with its
    // button (the machine's "What to watch" says it whole; seven lines of it had stood above the
    // form), and a notice that fits has no button.
    await page.selectOption('#preset-select', 'deadlock-two-locks');
    await page.waitForFunction(() => document.querySelector('#notice .clamp-more')?.getAttribute('aria-expanded') === 'false');
    await page.setViewportSize({ width: 1280, height: 844 });
    const lineHeight = await page.$eval('#notice .clampable', (text) => parseFloat(getComputedStyle(text).lineHeight));
    const twoLines = (await box('#notice .clampable')).height;
    assert.ok(twoLines < lineHeight * 2.5, `${twoLines} px for lines of ${lineHeight} px`);
    assert.equal(await page.isVisible('#notice .clamp-more'), true);
    await page.click('#notice .clamp-more');
    assert.ok((await box('#notice .clampable')).height > twoLines + lineHeight, 'unfolded at a laptop\'s width');
    await page.selectOption('#preset-select', 'sjf-starvation');
    await page.waitForFunction(() => /never gets the CPU/.test(document.querySelector('#notice')?.textContent ?? ''));
    assert.equal(await page.locator('#notice .clamp-more').count(), 0, 'a notice that fits has no button');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a description cut to its lines keeps its button when the language changes', TIMEOUT, async () => {
  // At 1366 px the Korean text is two lines as English words break it and three once the page's
  // lang is Korean: it had been measured before that, and stood cut with no button.
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'counter-threads');
    await page.waitForSelector('#notice .clamp-more');
    await page.click('#lang-ko');
    await page.waitForFunction(() => /스레드는 변수를 공유한다/.test(document.querySelector('#notice')?.textContent ?? ''));
    await page.waitForTimeout(300);
    const cut = await page.$eval('#notice .clampable', (text) => text.scrollHeight > text.clientHeight + 1);
    assert.equal(await page.locator('#notice .clamp-more').count(), cut ? 1 : 0, `cut: ${cut}`);
    assert.ok(cut, 'the Korean description is cut at this width');
    assert.equal(await page.innerText('#notice .clamp-more'), '더 보기 ▾');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('presented on a tablet the locks\' and semaphores\' line takes a line of its own, and the lesson three lines with a button', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForSelector('#watch-canvas');
    await page.click('#present');
    await page.waitForSelector('#present-memory');
    const memory = await page.$eval('#present-memory', (line) => ({ width: line.getBoundingClientRect().width, text: line.textContent }));
    // Beside the buttons it had been 108 px wide and said "m: free · empty:…".
    assert.ok(memory.width > 600, `the line is ${memory.width} px wide`);
    assert.match(memory.text, /^m: free · empty: value 3 · full: value 0 · buf/);
    const lesson = await page.$eval('#watch-lesson .watch-lesson-text', (text) => text.getBoundingClientRect().height);
    const line = await page.$eval('#watch-lesson .watch-lesson-text', (text) => parseFloat(getComputedStyle(text).lineHeight) || 20);
    assert.ok(lesson <= 3 * line + 2, `the lesson is ${lesson} px tall, ${line} px a line`);
    await page.click('#watch-lesson .lesson-more');
    const whole = await page.$eval('#watch-lesson .watch-lesson-text', (text) => text.getBoundingClientRect().height);
    assert.ok(whole > lesson + line, `unfolded ${whole} px against ${lesson}`);
    // A lesson that fits its lines has no button (a count of characters had given one to a
    // lesson that fitted exactly).
    await page.selectOption('#preset-select', 'switch-processes');
    await page.waitForFunction(() => /every dispatch stalls to refill \(ends at 109\)/.test(document.querySelector('#watch-lesson')?.textContent ?? ''));
    const fits = await page.$eval('#watch-lesson .watch-lesson-text', (text) => text.getBoundingClientRect().height);
    assert.ok(fits <= 3 * line + 2, `the lesson is ${fits} px tall`);
    assert.equal(await page.locator('#watch-lesson .lesson-more').count(), 0);
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForSelector('#watch-lesson .lesson-more');
    // The caption holds its sentences whole: the deadlock's last words had been cut in a box of
    // three lines that scrolled without a sign.
    await page.selectOption('#preset-select', 'deadlock-two-locks');
    await page.waitForSelector('#present-caption');
    await page.click('#to-end');
    await page.waitForFunction(() => /deadlock/i.test(document.querySelector('#present-caption')?.textContent ?? ''));
    const caption = await page.$eval('#present-caption', (box) => [box.scrollHeight, box.clientHeight]);
    assert.ok(caption[0] <= caption[1] + 1, `the caption needs ${caption[0]} px and shows ${caption[1]}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

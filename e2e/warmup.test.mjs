// The warm-up cache model (OSTEP multi.py's machine) on the page: a preset's numbers on screen are
// the native CLI's answer key, cold and warm running are told apart, the language switches, a
// share link opens the same run, and the form switches between the two cache models. Every test
// fails on any console error or uncaught exception (a Rust panic is one). Screenshots go to
// target/e2e/ at laptop and phone widths, in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, openPage, screenshot, ROOT, scratchDirectory } from './harness.mjs';
import { RESULTS_READY, cliRun, cliPreset, presetFile, proclab, buildCli, watchDialogs, download } from './page-helpers.mjs';

const TIMEOUT = { timeout: 180_000 };
const READY = '#warmup-jobs tbody tr[data-job]';
const PRESET = 'warmup-two-cpus-affinity';

let server;
let scratch;
before(async () => {
  server = await startServer();
  scratch = await scratchDirectory('proclab-e2e-warmup-');
  await buildCli();
});
after(async () => { await server.close(); });

/** The CLI's figures for preset `id`: JSON (jobs, CPUs, end) and the Gantt lines of its text. */
async function cliAnswer(id) {
  const file = await presetFile(scratch, id);
  const json = await cliRun(file);
  // `proclab run FILE` as text: the answer key, whose first lines are the Gantt lines per CPU.
  const text = await proclab('run', file);
  const gantt = text.split('\n').filter((line) => /^CPU\d+:/.test(line)).join('\n');
  return {
    end: json.end_tick,
    jobs: json.jobs.map((job) => [job.name, job.run_time, job.working_set, job.completion]),
    cpus: json.cpus.map((cpu) => [cpu.busy, cpu.warm, cpu.utilisation_percent, cpu.warm_percent]),
    gantt,
  };
}

/** The warm-up figures on screen, in the CLI's shape. */
async function shownAnswer(page) {
  return page.evaluate(() => {
    const cell = (row, name) => row.querySelector(`.${name}`).textContent.trim();
    const jobs = [...document.querySelectorAll('#warmup-jobs tbody tr')].map((row) => [
      row.querySelector('th').textContent.trim(),
      Number(cell(row, 'run-time')), Number(cell(row, 'working-set')), Number(cell(row, 'completion')),
    ]);
    const cpus = [...document.querySelectorAll('#warmup-cpus tbody tr')].map((row) => [
      Number(cell(row, 'busy')), Number(cell(row, 'warm')), cell(row, 'utilisation'), cell(row, 'warm-share'),
    ]);
    return {
      end: Number(document.querySelector('#warmup-finished').textContent.trim()),
      jobs,
      cpus,
      gantt: document.querySelector('#warmup-gantt-text').textContent.trim(),
    };
  });
}

async function openPreset(page, id) {
  await page.waitForSelector('#preset-select');
  await page.selectOption('#preset-select', id);
  await page.waitForSelector(READY);
}

/** Texts in the warm-up panel that overflow their box or lie under another (clipped or overlapping). */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const boxes = [...document.querySelectorAll('.warmup-label, .warmup-axis span, .warmup-legend li, .cache-models dd, .cache-models dt')];
    for (const element of boxes) {
      if (element.scrollWidth > element.clientWidth + 1) problems.push(`clipped: ${element.textContent}`);
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < 11.5) problems.push(`tiny text (${size}px): ${element.textContent}`);
    }
    for (const segment of document.querySelectorAll('.warmup-segment')) {
      const label = segment.querySelector('.warmup-label');
      if (!label) continue;
      const outer = segment.getBoundingClientRect();
      const inner = label.getBoundingClientRect();
      if (inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5) problems.push(`label outside its segment: ${label.textContent}`);
    }
    const marks = [...document.querySelectorAll('.warmup-axis span')].map((span) => span.getBoundingClientRect());
    for (let index = 1; index < marks.length; index += 1) {
      if (marks[index].left < marks[index - 1].right) problems.push(`axis marks overlap at ${index}`);
    }
    return problems;
  });
}

test('a warm-up preset shows the CLI answer key, cold and warm apart, in both languages', TIMEOUT, async () => {
  const expected = await cliAnswer(PRESET);
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await openPreset(page, PRESET);
    assert.deepEqual(await shownAnswer(page), expected);
    // The lesson's what-to-notice text comes with the preset.
    assert.match(await page.textContent('#notice'), /hard affinity/);
    // Working sets and CPU lists are this model's inputs: the workload table shows them.
    assert.ok(await page.isChecked('#advanced-columns'));
    assert.equal(await page.inputValue('#p0-ws'), '100');
    assert.equal(await page.inputValue('#p0-cpus'), '0');
    // Cold (striped) and warm (solid, starred) running are both drawn, and the legend says which.
    assert.ok(await page.locator('.warmup-segment.cold').count() > 0);
    assert.ok(await page.locator('.warmup-segment.warm').count() > 0);
    assert.match(await page.textContent('#warmup-legend'), /Striped = running on a cold cache.*Solid, name with \* = running on a warm cache \(rate 2\)|Solid, name with \* = running on a warm cache \(rate 2\).*Striped/s);
    assert.ok((await page.locator('.warmup-segment.warm .warmup-label').allTextContents()).every((label) => label.endsWith('*')));
    // The event engine's views say they do not apply instead of showing its run.
    assert.equal(await page.locator('#metrics-table').count(), 0);
    assert.match(await page.textContent('#warmup-no-watch'), /no process-state diagram/);
    // The CPUs at a tick, in words: at 20 CPU 1 runs b or c warm.
    await page.fill('#warmup-tick', '20');
    assert.equal((await page.textContent('#warmup-tick-value')).trim(), '20');
    assert.match(await page.textContent('#warmup-machine'), /CPU1: [bc] runs warm \(rate 2\)/);
    await page.click('#tab-compare');
    assert.match(await page.textContent('#warmup-no-compare'), /round robin only/);
    await page.click('#tab-run');
    await page.waitForSelector(READY);
    assert.deepEqual(await layoutProblems(page), []);
    await screenshot(page, 'warmup-en-1280');

    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.deepEqual(await shownAnswer(page), expected, 'the numbers do not depend on the language');
    assert.match(await page.textContent('#warmup-legend'), /빗금 = 차가운 캐시로 실행/);
    assert.match(await page.textContent('#notice'), /하드 친화성/);
    assert.deepEqual(await layoutProblems(page), []);
    await screenshot(page, 'warmup-ko-1280');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a share link of a warm-up preset opens the same run and settings in a fresh profile', TIMEOUT, async () => {
  const expected = await cliAnswer('warmup-per-cpu-peek');
  const source = await openBrowser({ locale: 'en-US' });
  let url;
  try {
    const { page, problems } = await openPage(source, server.url);
    watchDialogs(page, problems);
    await openPreset(page, 'warmup-per-cpu-peek');
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.click('#copy-link');
    await page.waitForSelector('#notice');
    assert.equal(await page.locator('#notice.error').count(), 0);
    url = await page.evaluate(() => location.href);
    assert.match(url, /#\/\?s=[A-Za-z0-9_-]+$/);
    assert.deepEqual(problems, []);
  } finally {
    await source.close();
  }
  const fresh = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(fresh, url);
    watchDialogs(page, problems);
    await page.waitForSelector(READY);
    assert.deepEqual(await shownAnswer(page), expected);
    assert.equal(await page.getAttribute('html', 'lang'), 'ko', "the link's language wins");
    assert.equal(await page.locator('#notice.error').count(), 0, 'the link opens without an error');
    assert.equal(await page.inputValue('#cache-model'), 'warmup');
    assert.equal(await page.inputValue('#warmup-time'), '10');
    assert.equal(await page.inputValue('#warm-rate'), '2');
    assert.equal(await page.inputValue('#peek-interval'), '30');
    // The seed seeds multi.py's random peeks here, and says so; with peeking off, nothing.
    assert.match(await page.textContent('label[for="seed"]'), /엿보기 난수 시드/);
    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('label[for="seed"]'), /Seed of the random peeks/);
    await page.evaluate(() => { document.querySelector('#machine-settings').open = true; });
    await page.fill('#peek-interval', '0');
    await page.waitForFunction(() => /unused here/.test(document.querySelector('label[for="seed"]').textContent));
    assert.deepEqual(problems, []);
  } finally {
    await fresh.close();
  }
});

test('the form switches between the two cache models, explained side by side; phone width', TIMEOUT, async () => {
  for (const locale of ['en-US', 'ko-KR']) {
    const lang = locale.slice(0, 2);
    const context = await openBrowser({ locale, viewport: { width: 390, height: 844 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      watchDialogs(page, problems);
      await openPreset(page, 'superlinear-3-cpus');
      assert.deepEqual(await layoutProblems(page), []);
      await screenshot(page, `warmup-${lang}-390`);
      await page.click('#machine-settings summary');
      await page.waitForSelector('#cache-models');
      assert.equal(await page.locator('#cache-models > div').count(), 2);
      assert.equal(await page.locator('#cache-models > div.chosen').count(), 1);
      assert.deepEqual(await layoutProblems(page), []);
      await page.locator('#cache-models').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ROOT, 'target', 'e2e', `warmup-settings-${lang}-390.png`) });
      // The stall model: the event engine's results come back; warm-up again: its panel.
      await page.selectOption('#cache-model', 'stall');
      await page.waitForSelector(RESULTS_READY);
      assert.equal(await page.locator('#warmup-jobs').count(), 0);
      await page.selectOption('#cache-model', 'warmup');
      await page.waitForSelector(READY);
      assert.equal((await page.textContent('#warmup-finished')).trim(), '55');
      // A warm rate the model refuses is said at its field, and the last valid run stays.
      await page.fill('#warm-rate', '0');
      await page.waitForSelector('#warm-rate-error');
      assert.ok((await page.textContent('#warm-rate-error')).length > 0);
      await page.fill('#warm-rate', '3');
      await page.waitForFunction(() => !document.querySelector('#warm-rate-error'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('a warm-up run too long to draw says so and keeps its tables', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await openPreset(page, 'warmup-two-cpus');
    // A quantum of 1 and 5,000 ticks a job: a new slice almost every tick.
    await page.fill('#quantum', '1');
    for (const index of [0, 1, 2]) await page.fill(`#p${index}-bursts`, '5000');
    await page.waitForSelector('#warmup-too-many', { timeout: 30_000 });
    assert.match(await page.textContent('#warmup-too-many'), /too many to draw/);
    assert.equal(await page.locator('.warmup-segment').count(), 0);
    assert.equal(await page.locator('#warmup-jobs tbody tr').count(), 3);
    assert.ok(Number(await page.textContent('#warmup-finished')) > 5000);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

/** The answer key's Gantt lines read back: per CPU, per tick, `[name, warm]` or null (idle). */
function keyTicks(gantt) {
  return gantt.split('\n').map((line) => {
    const parts = line.replace(/^CPU\d+:\s*/, '').split(/\s+/);
    const ticks = [];
    for (let index = 0; index + 2 < parts.length; index += 2) {
      const [start, label, end] = [Number(parts[index]), parts[index + 1], Number(parts[index + 2])];
      for (let tick = start; tick < end; tick += 1) {
        ticks.push(label === '-' ? null : [label.replace(/\*$/, ''), label.endsWith('*')]);
      }
    }
    return ticks;
  });
}

/**
 * What the machine canvas painted in each CPU's job box at the shown tick: the colour at the
 * box's right edge (clear of its texts), and the colour the Gantt chart gives that CPU's job.
 */
async function paintedJobs(page, tick) {
  await page.waitForFunction((value) => document.querySelector('#warmup-canvas')?.dataset.tick === String(value), tick);
  // The paint runs after the render that set the tick.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate((at) => {
    const canvas = document.querySelector('#warmup-canvas');
    const ratio = canvas.width / canvas.getBoundingClientRect().width;
    const context = canvas.getContext('2d');
    const rgb = (text) => text.match(/\d+/g).slice(0, 3).map(Number);
    return canvas.dataset.runBoxes.split(';').map((box, cpu) => {
      const [x, y, width, height] = box.split(',').map(Number);
      const pixel = [...context.getImageData(Math.round((x + width - 4) * ratio), Math.round((y + height / 2) * ratio), 1, 1).data].slice(0, 3);
      const segment = [...document.querySelectorAll(`.warmup-row[data-cpu="${cpu}"] .warmup-segment`)]
        .find((element) => Number(element.dataset.start) <= at && at < Number(element.dataset.end));
      const style = getComputedStyle(segment);
      const colour = segment.classList.contains('cold') ? rgb(style.borderTopColor) : rgb(style.backgroundColor);
      return { pixel, colour };
    });
  }, tick);
}

const near = (first, second) => first.every((value, index) => Math.abs(value - second[index]) <= 3);

test('the machine canvas shows, at a tick, the job and cold or warm state of the answer key; both languages, phone width', TIMEOUT, async () => {
  const expected = keyTicks((await cliAnswer(PRESET)).gantt);
  for (const [locale, width] of [['en-US', 1280], ['ko-KR', 390], ['en-US', 390], ['ko-KR', 1280]]) {
    const lang = locale.slice(0, 2);
    const context = await openBrowser({ locale, viewport: { width, height: 900 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      watchDialogs(page, problems);
      await openPreset(page, PRESET);
      await page.waitForSelector('#warmup-canvas[data-run-boxes]');
      const end = expected[0].length;
      let checked = { cold: 0, warm: 0 };
      for (const tick of [0, 5, 9, 10, 15, 20, 35, end - 1]) {
        await page.fill('#warmup-tick', String(tick));
        const painted = await paintedJobs(page, tick);
        assert.equal(painted.length, expected.length);
        for (const [cpu, { pixel, colour }] of painted.entries()) {
          const key = expected[cpu][tick];
          if (key === null) {
            assert.ok(near(pixel, [0xf2, 0xf2, 0xf2]), `${lang} ${width}px tick ${tick} CPU${cpu} idle: ${pixel}`);
            continue;
          }
          const [name, warm] = key;
          // The words say the same job.
          const words = (await page.locator('#warmup-machine li').nth(cpu).textContent()).trim();
          assert.ok(words.includes(name), `${words} names ${name}`);
          if (warm) {
            assert.ok(near(pixel, colour), `${lang} ${width}px tick ${tick} CPU${cpu}: warm ${name} is solid ${colour}, painted ${pixel}`);
            checked.warm += 1;
          } else {
            assert.ok(!near(pixel, colour) && pixel.reduce((a, b) => a + b) > colour.reduce((a, b) => a + b),
              `${lang} ${width}px tick ${tick} CPU${cpu}: cold ${name} is striped on white, painted ${pixel}`);
            checked.cold += 1;
          }
        }
      }
      assert.ok(checked.cold > 0 && checked.warm > 0, JSON.stringify(checked));
      // The caches and queues in words, in the page's language.
      assert.match(await page.textContent('#warmup-caches'), lang === 'ko' ? /캐시 \d+\/\d+/ : /Cache \d+\/\d+/);
      assert.match(await page.getAttribute('#warmup-canvas', 'aria-label'), lang === 'ko' ? /예열 캐시 모델 기계/ : /warm-up model's machine/);
      // The canvas stays inside the page.
      const overflow = await page.evaluate(() => document.querySelector('#warmup-canvas').getBoundingClientRect().right - document.documentElement.clientWidth);
      assert.ok(overflow <= 0.5, `canvas overflows by ${overflow}px`);
      // A tick on and back, and playing moves on by itself until paused.
      await page.fill('#warmup-tick', '3');
      await page.click('#warmup-forward');
      assert.equal((await page.textContent('#warmup-tick-value')).trim(), '4');
      await page.click('#warmup-back');
      assert.equal((await page.textContent('#warmup-tick-value')).trim(), '3');
      await page.click('#warmup-play');
      await page.waitForFunction(() => Number(document.querySelector('#warmup-canvas').dataset.tick) >= 5, null, { timeout: 10_000 });
      await page.click('#warmup-play');
      assert.equal(await page.getAttribute('#warmup-play', 'data-playing'), 'false');
      // At 15 CPU0 runs a warm and CPU1 runs c cold, halfway through its warm-up.
      await page.fill('#warmup-tick', '15');
      await paintedJobs(page, 15);
      await page.locator('#warmup-canvas').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ROOT, 'target', 'e2e', `warmup-machine-${lang}-${width}.png`) });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the warm-up downloads hold the run: Gantt as SVG and PNG, jobs and CPUs as CSV; short slices listed', TIMEOUT, async () => {
  const expected = await cliAnswer(PRESET);
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await openPreset(page, PRESET);
    const svg = await download(page, '#download-svg');
    assert.equal(svg.name, 'proclab-warmup-gantt.svg');
    const parsed = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      const error = document.querySelector('parsererror');
      const titles = [...document.querySelectorAll('g > title')].map((title) => title.textContent);
      return { error: error ? error.textContent : null, titles, cold: document.querySelectorAll('g.cold').length, warm: document.querySelectorAll('g.warm').length };
    }, svg.bytes.toString('utf8'));
    assert.equal(parsed.error, null, 'the SVG is well-formed XML');
    // Every slice of the page's chart, cold and warm alike, with its text as a tooltip.
    const onPage = await page.$$eval('.warmup-segment', (segments) => segments.map((segment) => segment.getAttribute('title')));
    assert.deepEqual(parsed.titles, onPage);
    assert.equal(parsed.cold, await page.locator('.warmup-segment.cold').count());
    assert.equal(parsed.warm, await page.locator('.warmup-segment.warm').count());
    const png = await download(page, '#download-png');
    assert.equal(png.name, 'proclab-warmup-gantt.png');
    assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.ok(png.bytes.readUInt32BE(16) >= 1000 && png.bytes.length > 3000, 'a PNG of the chart');
    await writeFile(join(ROOT, 'target', 'e2e', 'warmup-gantt-download.png'), png.bytes);
    const jobs = (await download(page, '#download-jobs-csv')).bytes.toString('utf8').trim().split('\n').map((line) => line.split(','));
    assert.deepEqual(jobs[0], ['job', 'run_time', 'working_set', 'completion', 'turnaround', 'warm_ticks', 'cold_ticks']);
    assert.deepEqual(jobs.slice(1).map((row) => [row[0], Number(row[1]), Number(row[2]), Number(row[3])]), expected.jobs);
    const cpus = (await download(page, '#download-cpus-csv')).bytes.toString('utf8').trim().split('\n').map((line) => line.split(','));
    assert.deepEqual(cpus.slice(1, -1).map((row) => [Number(row[1]), Number(row[2]), row[3], row[4]]), expected.cpus);
    assert.deepEqual(cpus.at(-1), ['finished', String(expected.end), '', '', '']);
    // Labels where the drawn chart has room; the rest listed, each with its tooltip.
    const unlabelled = await page.$$eval('.warmup-segment:not(.idle)', (segments) => segments.filter((segment) => !segment.querySelector('.warmup-label')).map((segment) => segment.getAttribute('title')));
    const listed = await page.$$eval('#warmup-unlabelled li', (items) => items.map((item) => item.textContent.replace(/^CPU\d+ /, '')));
    assert.deepEqual(listed, unlabelled);
    assert.deepEqual(await layoutProblems(page), []);
    // At phone width more slices are too short: still every one is labelled or listed, none clipped.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForFunction(() => document.querySelectorAll('#warmup-unlabelled li').length > 0);
    const narrow = await page.$$eval('.warmup-segment:not(.idle)', (segments) => segments.filter((segment) => !segment.querySelector('.warmup-label')).length);
    assert.equal(await page.locator('#warmup-unlabelled li').count(), narrow);
    assert.deepEqual(await layoutProblems(page), []);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a long job table builds only the rows in view and keeps every job one scroll away', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await openPreset(page, 'warmup-two-cpus');
    // 300 jobs: the preset's file with its first job copied, uploaded.
    const spec = await cliPreset('warmup-two-cpus');
    spec.processes = Array.from({ length: 300 }, (_, index) => ({ ...spec.processes[0], name: `J${index}`, bursts: [{ cpu: 5 + (index % 7) }] }));
    const path = join(scratch, 'warmup-300.json');
    await writeFile(path, JSON.stringify(spec));
    await page.setInputFiles('#upload-json', path);
    await page.waitForFunction(() => document.querySelector('#warmup-jobs')?.getAttribute('aria-rowcount') === '301', null, { timeout: 30_000 });
    const built = await page.locator('#warmup-jobs tbody tr[data-job]').count();
    assert.ok(built > 0 && built < 100, `${built} rows built`);
    assert.equal(await page.textContent('#warmup-jobs tbody tr[data-job] th'), 'J0');
    // Scrolled to the bottom, the last job is built.
    await page.$eval('.warmup-metrics .table-scroll', (element) => { element.scrollTop = element.scrollHeight; });
    await page.waitForSelector('#warmup-jobs tr[data-job="J299"]');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the warm-up machine has a presentation mode: full screen, the canvas grown, Escape leaves and the focus comes back', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await openPreset(page, PRESET);
    await page.waitForSelector('#warmup-canvas[data-run-boxes]');
    const before = await page.locator('#warmup-canvas').boundingBox();
    await page.click('#warmup-present');
    await page.waitForFunction(() => document.querySelector('.warmup-machine').classList.contains('presenting'));
    assert.equal(await page.getAttribute('#warmup-present', 'aria-pressed'), 'true');
    const section = await page.locator('.warmup-machine').boundingBox();
    assert.ok(section.x <= 0.5 && section.y <= 0.5 && section.width >= 1279, 'the section covers the screen');
    await page.waitForFunction((width) => document.querySelector('#warmup-canvas').getBoundingClientRect().width > width, before.width);
    // Playback still works while presenting.
    await page.click('#warmup-forward');
    assert.equal(await page.textContent('#warmup-tick-value'), '1');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('.warmup-machine').classList.contains('presenting'));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'warmup-present');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

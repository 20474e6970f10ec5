// Practice, the MLFQ level question: a student reads the workload and the tick asked, answers
// with one deliberate mistake, sees exactly that cell marked wrong with the level change that
// explains it, takes a hint, fixes it and gets all correct. The levels are computed here by a
// small MLFQ of this file's own (the easy level's quanta 2, 4, 8, one quantum of allotment),
// never read from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, openPage, screenshot } from './harness.mjs';
import { download } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const url = (path) => new URL(`#${path}`, server.url).href;
const label = (page, selector) => page.$eval(selector, (element) => element.getAttribute('aria-label'));

async function check(page) {
  await page.click('#practice-check');
  await page.waitForSelector('#practice-summary');
}

async function newSet(page, topic, seed, difficulty = 'easy') {
  await page.selectOption('#practice-topic', topic);
  await page.selectOption('#practice-difficulty', difficulty);
  await page.fill('#practice-count', '1');
  await page.fill('#practice-seed', String(seed));
  const before = await page.inputValue('#practice-link');
  await page.click('#practice-new');
  await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
}

/** The workload on screen: name, arrival, CPU burst (easy: one burst each). */
async function readWorkload(page) {
  return page.$$eval('#practice-workload tbody tr', (rows) => rows.map((row) => ({
    name: row.querySelector('th').textContent.trim(),
    arrival: Number(row.querySelector('.arrival').textContent),
    burst: Number(row.querySelector('.bursts').textContent),
  })));
}

/**
 * Easy MLFQ, tick by tick: at an instant a slice that ended is handled first (a job whose quantum
 * is used up moves down a level), then arrivals join level 0, then the expired job joins the back
 * of its new level, then the head of the highest level runs (a higher level preempts; the
 * preempted job returns to the head of its level). Returns each job's level during tick `asked`
 * and the tick of its last demotion (or null).
 */
function mlfqLevels(jobs, asked) {
  const quanta = [2, 4, 8];
  const level = jobs.map(() => 0);
  const sliceLeft = jobs.map(() => quanta[0]);
  const left = jobs.map((job) => job.burst);
  const demoted = jobs.map(() => null);
  const queues = [[], [], []];
  let running = null;
  for (let now = 0; now <= asked; now++) {
    let expired = null;
    if (running !== null) {
      if (left[running] === 0) running = null;
      else if (sliceLeft[running] === 0) {
        level[running] = Math.min(level[running] + 1, 2);
        sliceLeft[running] = quanta[level[running]];
        demoted[running] = now;
        expired = running;
        running = null;
      }
    }
    jobs.forEach((job, index) => { if (job.arrival === now) queues[0].push(index); });
    if (expired !== null) queues[level[expired]].push(expired);
    const best = queues.findIndex((queue) => queue.length > 0);
    if (best >= 0) {
      if (running === null) running = queues[best].shift();
      else if (best < level[running]) {
        queues[level[running]].unshift(running);
        running = queues[best].shift();
      }
    }
    if (now === asked) break;
    if (running !== null) { left[running] -= 1; sliceLeft[running] -= 1; }
  }
  return { level, demoted };
}

test('MLFQ levels in both languages: one wrong level is marked and explained by its demotion, a hint, then all correct', async () => {
  const cases = [
    { locale: 'en-US', lang: 'en', seed: 3 },
    { locale: 'ko-KR', lang: 'ko', seed: 8 },
  ];
  for (const { locale, lang, seed } of cases) {
    const context = await openBrowser({ locale });
    try {
      const { page, problems } = await openPage(context, url('/practice'));
      await page.waitForSelector('#practice-title');
      await newSet(page, 'mlfq', seed);
      await page.waitForSelector('#mlfq-levels');
      assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
      const title = await page.textContent('#mlfq-title');
      const asked = Number((lang === 'en' ? title.match(/during tick (\d+)/) : title.match(/틱 (\d+) 동안/))[1]);
      const jobs = await readWorkload(page);
      const { level, demoted } = mlfqLevels(jobs, asked);
      // The mistake: a job that was demoted, typed as if it were still one level up.
      const wrong = level.findIndex((l, index) => l > 0 && demoted[index] !== null);
      assert.ok(wrong >= 0, `seed ${seed}: some job is below level 0 at t=${asked}: ${JSON.stringify({ jobs, level })}`);
      for (const [index, job] of jobs.entries()) {
        const typed = index === wrong ? level[index] - 1 : level[index];
        await page.fill(`#mlfq-level-${index + 1}`, String(typed));
        assert.match(await page.textContent(`label[for="mlfq-level-${index + 1}"]`), new RegExp(job.name));
      }
      await check(page);
      for (const index of jobs.keys()) {
        const expected = index === wrong ? (lang === 'en' ? /: wrong$/ : /: 틀림$/) : (lang === 'en' ? /: right$/ : /: 맞음$/);
        assert.match(await label(page, `#mlfq-level-${index + 1}`), expected);
      }
      const explanation = await page.textContent('#practice-explanation');
      const name = jobs[wrong].name;
      if (lang === 'en') {
        assert.ok(explanation.startsWith(`During tick ${asked}, ${name} is at level ${level[wrong]}.`), explanation);
        assert.ok(explanation.includes(`t=${demoted[wrong]}: ${name} used its whole quantum`), explanation);
        assert.ok(explanation.includes(`demoted to level ${level[wrong]}`), explanation);
      } else {
        assert.ok(explanation.includes(`틱 ${asked} 동안 ${name}`), explanation);
        assert.ok(explanation.includes(`t=${demoted[wrong]}: ${name}`), explanation);
        assert.ok(explanation.includes(`레벨 ${level[wrong]}`), explanation);
      }
      // A hint reveals one level change: the first demotion of the run.
      await page.click('#practice-hint');
      const hints = await page.$$eval('#practice-hints li', (items) => items.map((item) => item.textContent));
      assert.equal(hints.length, 1);
      const first = Math.min(...demoted.filter((tick) => tick !== null));
      assert.ok(hints[0].startsWith(`1. t=${first}: `), hints[0]);
      await screenshot(page, `practice-mlfq-mistake-${lang}-1280`);
      // Not a number is named and kept as typed.
      await page.fill(`#mlfq-level-${wrong + 1}`, 'two');
      await check(page);
      assert.equal(await page.inputValue(`#mlfq-level-${wrong + 1}`), 'two');
      assert.match(await page.textContent('#practice-explanation'), lang === 'en' ? /^A level is one whole number from 0 to 2\./ : /^레벨은 0부터 2까지의 정수 하나입니다\./);
      // The fix.
      await page.fill(`#mlfq-level-${wrong + 1}`, String(level[wrong]));
      await check(page);
      assert.match(await page.textContent('#practice-summary'), lang === 'en' ? /^All correct!/ : /^모두 맞았습니다!/);
      // Progress is kept per set, and the set link opens the same exercise in a fresh profile.
      await page.reload();
      await page.waitForSelector('#mlfq-levels');
      assert.equal(await page.inputValue(`#mlfq-level-${wrong + 1}`), String(level[wrong]));
      const csv = (await download(page, '#practice-export-csv')).bytes.toString();
      assert.ok(csv.includes(`1,mlfq,easy,${seed},${name} level at t=${asked},${level[wrong]},right`), csv);
      const link = await page.inputValue('#practice-link');
      const other = await openBrowser({ locale });
      try {
        const { page: fresh } = await openPage(other, link);
        await fresh.waitForSelector('#mlfq-levels');
        assert.equal(await fresh.textContent('#mlfq-title'), title);
        assert.deepEqual(await readWorkload(fresh), jobs);
        assert.equal(await fresh.inputValue('#mlfq-level-1'), '');
      } finally {
        await other.close();
      }
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('MLFQ levels at laptop and phone widths in both languages', async () => {
  for (const { locale, lang } of [{ locale: 'en-US', lang: 'en' }, { locale: 'ko-KR', lang: 'ko' }]) {
    for (const width of [1280, 390]) {
      const context = await openBrowser({ locale, viewport: { width, height: 900 } });
      try {
        const { page, problems } = await openPage(context, url('/practice'));
        await page.waitForSelector('#practice-title');
        await newSet(page, 'mlfq', 5, 'hard');
        await page.waitForSelector('#mlfq-levels');
        await page.fill('#mlfq-level-1', '1');
        await page.fill('#mlfq-level-2', 'x');
        await check(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${lang} ${width}: the page scrolls sideways by ${overflow}px`);
        // Every level field has a visible label above it and fits.
        const fields = await page.$$eval('.mlfq-level', (items) => items.map((item) => {
          const box = item.getBoundingClientRect();
          return { right: box.right, label: item.querySelector('label').textContent };
        }));
        for (const field of fields) {
          assert.ok(field.right <= width, `${lang} ${width}: ${field.label} ends at ${field.right}`);
          assert.ok(field.label.length > 0);
        }
        const text = await page.textContent('main.practice');
        assert.ok(!/undefined|NaN|\[object|Some\(|\{t\}/.test(text), text);
        assert.ok(text.includes(lang === 'en' ? 'Priority boost' : '우선순위 상향'), 'hard states the boost');
        await screenshot(page, `practice-mlfq-${lang}-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
});

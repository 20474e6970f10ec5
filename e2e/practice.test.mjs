// Practice: a student solves an FCFS and an SRTF exercise, each with one deliberate mistake. The
// answers are computed here by a small simulator of its own (never read from the page); the page
// must mark exactly the wrong cell, explain it at the right tick with the right rule, and mark
// everything right once it is fixed. The set link opens the same exercises in a fresh profile,
// and progress survives a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, openPage, screenshot } from './harness.mjs';
import { download } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const url = (path) => new URL(`#${path}`, server.url).href;

/** The workload of the exercise on screen: name, arrival, CPU burst (easy exercises: one burst). */
async function readWorkload(page) {
  return page.$$eval('#practice-workload tbody tr', (rows) => rows.map((row) => ({
    name: row.querySelector('th').textContent.trim(),
    arrival: Number(row.querySelector('.arrival').textContent),
    burst: Number(row.querySelector('.bursts').textContent),
  })));
}

/**
 * One CPU, no costs, tick by tick. FCFS: the earliest arrival runs to the end. SRTF: the least
 * remaining time runs; an equal time never preempts; ties among the others go to the one that
 * entered the ready queue first. Returns the chart (merged segments) and the per-process times.
 */
function simulate(processes, policy) {
  const left = processes.map((p) => p.burst);
  const readySince = processes.map((p) => p.arrival);
  const firstRun = processes.map(() => null);
  const completion = processes.map(() => null);
  const chart = [];
  const preemptions = [];
  let running = null;
  for (let t = 0; completion.some((c) => c === null); t++) {
    const ready = processes.map((p, i) => i).filter((i) => processes[i].arrival <= t && left[i] > 0);
    let pick = null;
    if (policy === 'fcfs') {
      pick = running !== null && left[running] > 0 ? running
        : ready.sort((a, b) => readySince[a] - readySince[b])[0] ?? null;
    } else {
      const best = ready.filter((i) => i !== running)
        .sort((a, b) => left[a] - left[b] || readySince[a] - readySince[b])[0] ?? null;
      if (running !== null && left[running] > 0) {
        if (best !== null && left[best] < left[running]) {
          preemptions.push({ tick: t, victim: running, by: best });
          readySince[running] = t;
          pick = best;
        } else {
          pick = running;
        }
      } else {
        pick = best;
      }
    }
    const who = pick === null ? 'idle' : processes[pick].name;
    if (chart.length && chart[chart.length - 1].who === who) chart[chart.length - 1].end = t + 1;
    else chart.push({ who, start: t, end: t + 1 });
    running = pick;
    if (pick !== null) {
      if (firstRun[pick] === null) firstRun[pick] = t;
      left[pick] -= 1;
      if (left[pick] === 0) { completion[pick] = t + 1; running = null; }
    }
  }
  const rows = processes.map((p, i) => {
    const turnaround = completion[i] - p.arrival;
    return [completion[i], turnaround, turnaround - p.burst, firstRun[i] - p.arrival];
  });
  const averages = [1, 2, 3].map((column) => {
    const sum = rows.reduce((total, row) => total + row[column], 0);
    return `${sum}/${rows.length}`;
  });
  return { chart, rows, averages, preemptions };
}

async function newSet(page, topic, seed, count = 2) {
  await page.selectOption('#practice-topic', topic);
  await page.selectOption('#practice-difficulty', 'easy');
  await page.fill('#practice-count', String(count));
  await page.fill('#practice-seed', String(seed));
  const before = await page.inputValue('#practice-link');
  await page.click('#practice-new');
  await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
  assert.ok((await page.textContent('#exercise-title')).includes(topic.toUpperCase()));
}

async function fillTable(page, processes, answer) {
  for (const [index, process] of processes.entries()) {
    for (let column = 0; column < 4; column++) {
      await page.fill(`#cell-${process.name.toLowerCase()}-${column}`, String(answer.rows[index][column]));
    }
  }
  for (let index = 0; index < 3; index++) {
    await page.fill(`#average-${index}`, answer.averages[index]);
  }
}

/** Answers the transition question on screen from the test's own chart. */
async function answerTransition(page, processes, answer) {
  const question = await page.textContent('#transition-text');
  const [, tickText, name] = question.match(/At t=(\d+), which transition does (\S+) make/);
  const tick = Number(tickText);
  const pid = processes.findIndex((p) => p.name === name);
  let choice;
  if (answer.chart.some((s) => s.who === name && s.start === tick)) choice = ['ready', 'running', 'dispatched'];
  else if (answer.rows[pid][0] === tick) choice = ['running', 'exit', 'exited'];
  else if (answer.chart.some((s) => s.who === name && s.end === tick)) choice = ['running', 'ready', 'preempted'];
  else if (processes[pid].arrival === tick) choice = ['new', 'ready', 'admitted'];
  assert.ok(choice, `no transition of ${name} at ${tick}`);
  await page.selectOption('#transition-from', choice[0]);
  await page.selectOption('#transition-to', choice[1]);
  await page.selectOption('#transition-reason', choice[2]);
}

const label = (page, selector) => page.$eval(selector, (element) => element.getAttribute('aria-label'));

async function check(page) {
  await page.click('#practice-check');
  await page.waitForSelector('#practice-summary');
}

test('FCFS by clicking: a slipped end is marked wrong, the later ends consistent, then all right', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, url('/practice'));
    await page.waitForSelector('#practice-title');
    assert.equal(await page.$eval('#practice-feedback', (e) => e.getAttribute('aria-live')), 'polite');
    // A seed that is not a number is refused, said next to the form, and kept as typed; the set stays.
    const linkBefore = await page.inputValue('#practice-link');
    await page.fill('#practice-seed', '12x');
    await page.click('#practice-new');
    await page.waitForSelector('#practice-setup-error');
    assert.match(await page.textContent('#practice-setup-error'), /seed must be a whole number/);
    assert.equal(await page.getAttribute('#practice-seed', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#practice-seed'), '12x');
    assert.equal(await page.inputValue('#practice-link'), linkBefore);
    await newSet(page, 'fcfs', 11);
    assert.equal(await page.$('#practice-setup-error'), null, 'a good set clears the message');
    const processes = await readWorkload(page);
    const answer = simulate(processes, 'fcfs');
    assert.ok(answer.chart.length >= 3, JSON.stringify(answer.chart));
    // The Gantt chart, segment by segment: choose who, type the end.
    // The slip: the first process segment after the first ends one tick late; every later end follows from it.
    const slip = answer.chart.findIndex((segment, index) => index >= 1 && segment.who !== 'idle');
    assert.ok(slip > 0, JSON.stringify(answer.chart));
    for (const [index, segment] of answer.chart.entries()) {
      const pid = processes.findIndex((p) => p.name === segment.who);
      await page.click(pid < 0 ? '#add-idle' : `#add-p${pid}`);
      await page.waitForSelector(`#segment-end-${index + 1}`);
      const end = segment.end + (index >= slip ? 1 : 0);
      await page.fill(`#segment-end-${index + 1}`, String(end));
    }
    // A cell that is not a number says so at once, and keeps what was typed.
    await page.fill('#cell-p1-2', 'abc');
    await page.waitForSelector('#times-error');
    assert.match(await page.textContent('#times-error'), /Not a number/);
    assert.equal(await page.inputValue('#cell-p1-2'), 'abc');
    await fillTable(page, processes, answer);
    assert.equal(await page.$('#times-error'), null);
    await answerTransition(page, processes, answer);
    await check(page);
    assert.match(await label(page, '#segment-end-1'), /: right$/);
    assert.match(await label(page, `#segment-end-${slip + 1}`), /: wrong$/);
    for (let index = slip + 1; index < answer.chart.length; index++) {
      assert.match(await label(page, `#segment-end-${index + 1}`), /consistent/);
    }
    assert.match(await label(page, `#segment-who-${slip + 1}`), /: right$/);
    const explanation = await page.textContent('#practice-explanation');
    const segment = answer.chart[slip];
    assert.ok(explanation.includes(`Segment ${slip + 1}: ${segment.who} until t=${segment.end}`), explanation);
    assert.ok(explanation.includes(`At t=${segment.end}: ${segment.who} finishes`), explanation);
    await screenshot(page, 'practice-fcfs-mistake-en-1280');
    // The answers to hand in: every cell as typed, with its verdict.
    const csv = await download(page, '#practice-export-csv');
    assert.equal(csv.name, 'proclab-practice.csv');
    const lines = csv.bytes.toString().trim().split('\n');
    assert.equal(lines[0], 'exercise,topic,difficulty,seed,cell,answer,verdict');
    const slipped = answer.chart[slip];
    assert.ok(lines.includes(`1,fcfs,easy,11,gantt ${slip + 1} end,${slipped.end + 1},wrong`), lines.join('\n'));
    const json = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.equal(json.exercises.length, 2);
    assert.equal(json.exercises[0].answer.segments[slip].end, String(slipped.end + 1));
    // The fix.
    for (let index = slip; index < answer.chart.length; index++) {
      await page.fill(`#segment-end-${index + 1}`, String(answer.chart[index].end));
    }
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    assert.equal(await page.$('#practice-explanation'), null);
    // Progress is kept for the set: a reload shows the same answers.
    await page.reload();
    await page.waitForSelector('#segment-end-1');
    assert.equal(await page.inputValue(`#segment-end-${answer.chart.length}`), String(answer.chart.at(-1).end));
    assert.equal(await page.inputValue('#average-0'), answer.averages[0]);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('SRTF typed on one line: a missed preemption is explained at its tick, then all right; the link opens the same set', async () => {
  const context = await openBrowser({ locale: 'en-US' });
  let link;
  let workload;
  try {
    const { page, problems } = await openPage(context, url('/practice'));
    await page.waitForSelector('#practice-title');
    await newSet(page, 'srtf', 5);
    // The second exercise of the set.
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 2'));
    const processes = await readWorkload(page);
    workload = processes;
    const answer = simulate(processes, 'srtf');
    assert.ok(answer.preemptions.length > 0, 'an SRTF exercise shows a preemption');
    const { tick, victim, by } = answer.preemptions[0];
    const index = answer.chart.findIndex((segment) => segment.start === tick);
    // The mistake: the student keeps the victim running where SRTF preempts it.
    const line = answer.chart.map((segment, i) => `${i === index ? processes[victim].name : segment.who} ${segment.end}`).join(' ');
    await page.fill('#chart-line', line);
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${answer.chart.length}`);
    await fillTable(page, processes, answer);
    await answerTransition(page, processes, answer);
    await check(page);
    assert.match(await label(page, `#segment-who-${index + 1}`), /: wrong$/);
    for (let i = 0; i < index; i++) assert.match(await label(page, `#segment-who-${i + 1}`), /: right$/);
    const explanation = await page.textContent('#practice-explanation');
    assert.ok(explanation.includes(`At t=${tick}:`), explanation);
    assert.ok(explanation.includes(`SRTF preempts ${processes[victim].name}`), explanation);
    assert.ok(explanation.includes(`${processes[by].name} needs`), explanation);
    await screenshot(page, 'practice-srtf-mistake-en-1280');
    // Show opens the exercise in the simulator at the mistake, then back to the set as it was.
    await page.click('#practice-show');
    await page.waitForFunction((value) => document.querySelector('#watch-canvas')?.dataset.tick === String(value), tick);
    await page.goBack();
    await page.waitForSelector('#practice-title');
    await page.click('#exercise-2');
    await page.waitForFunction((n) => document.querySelector(`#segment-end-${n}`), answer.chart.length);
    // The fix: choose the right process for that segment.
    await page.selectOption(`#segment-who-${index + 1}`, `p${by}`);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    link = await page.inputValue('#practice-link');
    assert.match(link, /#\/practice\?set=[A-Za-z0-9_-]+$/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  // A fresh profile (another student) opens the same exercises from the link.
  const fresh = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(fresh, link);
    await page.waitForSelector('#practice-workload');
    assert.match(await page.textContent('#exercise-title'), /1 \/ 2: SRTF/);
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 2'));
    assert.deepEqual(await readWorkload(page), workload);
    assert.equal(await page.$('#segment-end-1'), null, 'a fresh profile starts with no answers');
    assert.equal(await page.inputValue('#practice-link'), link);
    assert.deepEqual(problems, []);
  } finally {
    await fresh.close();
  }
});

test('the page in both languages at laptop and phone widths', async () => {
  for (const { locale, lang } of [{ locale: 'en-US', lang: 'en' }, { locale: 'ko-KR', lang: 'ko' }]) {
    for (const width of [1280, 390]) {
      const context = await openBrowser({ locale, viewport: { width, height: 900 } });
      try {
        const { page, problems } = await openPage(context, url('/practice'));
        await page.waitForSelector('#practice-title');
        await page.selectOption('#practice-topic', 'srtf');
        await page.selectOption('#practice-difficulty', 'hard');
        await page.fill('#practice-seed', '3');
        const before = await page.inputValue('#practice-link');
        await page.click('#practice-new');
        await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
        await page.click('#add-p0');
        await page.fill('#segment-end-1', '2');
        await page.click('#add-switch');
        await page.fill('#segment-end-2', 'x');
        await page.fill('#cell-p1-0', '9');
        await page.click('#practice-hint');
        await check(page);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${lang} ${width}: the page scrolls sideways by ${overflow}px`);
        const text = await page.textContent('main.practice');
        assert.ok(!/undefined|NaN|\[object|Some\(/.test(text), text);
        if (lang === 'ko') assert.match(text, /간트 차트/);
        await screenshot(page, `practice-${lang}-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  }
});

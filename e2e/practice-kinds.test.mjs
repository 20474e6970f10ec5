// Practice, the MLFQ level question and the context-switch question: a student reads what is
// asked, answers with one deliberate mistake, sees exactly that cell marked wrong with the
// explanation from the trace, takes a hint, fixes it and gets all correct. The answers are
// computed here, never read from the page: the levels by a small MLFQ of this file's own (the
// easy level's quanta 2, 4, 8, one quantum of allotment), the saved and loaded contexts by a
// small interpreter of the listed program under the round robin the rules state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, openPage, screenshot } from './harness.mjs';
import { openSet, readWorkload, check, label, atEachView, showInSimulator } from './practice-helpers.mjs';
import { download, onFreshPage } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const url = (path) => new URL(`#${path}`, server.url).href;
const newSet = (page, topic, seed, difficulty = 'easy') => openSet(page, { topic, seed, difficulty });

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
    await onFreshPage(url('/practice'), async ({ page }) => {
      await newSet(page, 'mlfq', seed);
      await page.waitForSelector('#mlfq-levels');
      assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
      const title = await page.textContent('#mlfq-title');
      const asked = Number((lang === 'en' ? title.match(/during tick (\d+)/) : title.match(/틱 (\d+) 동안/))[1]);
      const jobs = await readWorkload(page);
      if (lang === 'ko') {
        // Before any Check, Show plays the run up to the tick asked and stops there.
        await showInSimulator(page);
        await page.waitForFunction((tick) => document.querySelector('#watch-canvas')?.dataset.tick === String(tick)
          && document.querySelector('#play')?.getAttribute('data-playing') === 'false', asked);
        await page.goBack();
        await page.waitForSelector('#mlfq-levels');
      }
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
        assert.ok(explanation.includes(`단계 ${level[wrong]}`), explanation);
      }
      // A hint reveals one level change: the first demotion of the run.
      await page.click('#practice-hint');
      const hints = await page.$$eval('#practice-hints li', (items) => items.map((item) => item.textContent));
      assert.equal(hints.length, 1);
      const first = Math.min(...demoted.filter((tick) => tick !== null));
      assert.ok(hints[0].startsWith(`1. t=${first}: `), hints[0]);
      await screenshot(page, `practice-mlfq-mistake-${lang}-1280`);
      if (lang === 'en') {
        // Show opens the same workload in the simulator at the tick asked.
        await showInSimulator(page);
        await page.waitForFunction((tick) => document.querySelector('#watch-canvas')?.dataset.tick === String(tick), asked);
        await page.goBack();
        await page.waitForSelector('#mlfq-levels');
      }
      // Not a number is named and kept as typed.
      await page.fill(`#mlfq-level-${wrong + 1}`, 'two');
      await check(page);
      assert.equal(await page.inputValue(`#mlfq-level-${wrong + 1}`), 'two');
      assert.match(await page.textContent('#practice-explanation'), lang === 'en' ? /^A level is one whole number from 0 to 2\./ : /^단계는 0부터 2까지의 정수 하나입니다\./);
      // Every unreadable field is named beside the fields, and an empty one after it is pointed out
      // (the explanation covers the first mistake only).
      assert.ok((await page.textContent('#mlfq-error')).startsWith(`${name} ${lang === 'en' ? 'level' : '단계'}: `));
      assert.equal(await page.getAttribute(`#mlfq-level-${wrong + 1}`, 'aria-invalid'), 'true');
      assert.equal(await page.$('#mlfq-empty'), null);
      const later = jobs.length - 1;
      if (later > wrong) {
        await page.fill(`#mlfq-level-${later + 1}`, '');
        await check(page);
        assert.match(await page.textContent('#mlfq-empty'), lang === 'en' ? /^Fill in the answers still empty/ : /^아직 비어 있는 답이 있습니다/);
        // The explanation of the earlier mistake is shown beside it: the line does not say
        // the worked answer waits.
        assert.doesNotMatch(await page.textContent('#mlfq-empty'), lang === 'en' ? /worked answer/ : /풀이는/);
        assert.ok(await page.$('#practice-explanation'), 'the earlier mistake is explained');
        await page.fill(`#mlfq-level-${later + 1}`, String(level[later]));
      }
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
    }, { locale, ready: '#practice-title' });
  }
});

test('MLFQ levels at laptop and phone widths in both languages', async () => {
  await atEachView(url('/practice'), 'mlfq', async ({ page, lang, width }) => {
    await newSet(page, 'mlfq', 4, 'hard');
    await page.waitForSelector('#mlfq-levels');
    // Hard asks after the first boost (t=15) when the workload allows it, as this one does.
    const asked = Number((await page.textContent('#mlfq-title')).match(/(\d+)/)[1]);
    assert.ok(asked > 15, `asked t=${asked}`);
    await page.fill('#mlfq-level-1', '1');
    await page.fill('#mlfq-level-2', 'x');
    await check(page);
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
  });
});

/** The rules on screen, one string each. */
const readRules = (page) => page.$$eval('ul.rules li', (items) => items.map((item) => item.textContent));

/**
 * `race.s` as listed (address, instruction), run here under round robin with `quantum`, one
 * instruction a tick, threads ready at 0 in the order given, until `until`. Returns each
 * thread's PC (the next address), %ax and %bx, and the address of the last instruction each ran.
 */
function runThreads(lines, quantum, threads, until) {
  const start = lines[0].pc;
  const text = (pc) => lines[pc - start].text;
  const state = threads.map((thread) => ({ ...thread, pc: start, ax: 0, flag: 0, done: false, last: null }));
  const counters = {};
  const queue = state.map((_, index) => index);
  let now = 0;
  while (queue.length && now < until) {
    const index = queue.shift();
    const thread = state[index];
    for (let used = 0; used < quantum && now < until && !thread.done; used++) {
      const process = thread.name.split('.')[0];
      counters[process] ??= 0;
      let next = thread.pc + 1;
      switch (text(thread.pc)) {
        case 'mov counter, %ax': thread.ax = counters[process]; break;
        case 'add $1, %ax': thread.ax += 1; break;
        case 'mov %ax, counter': counters[process] = thread.ax; break;
        case 'sub $1, %bx': thread.bx -= 1; break;
        case 'test $0, %bx': thread.flag = Math.sign(thread.bx); break;
        case 'jgt .again': if (thread.flag > 0) next = start; break;
        case 'halt': thread.done = true; break;
        default: throw new Error(`not in race.s: ${text(thread.pc)}`);
      }
      thread.last = thread.pc;
      thread.pc = next;
      now += 1;
    }
    if (!thread.done) queue.push(index);
  }
  return Object.fromEntries(state.map((thread) => [thread.name, thread]));
}

test('context switch in both languages: a saved PC typed as the last instruction is explained, a hint, then all correct', async () => {
  const cases = [
    { locale: 'en-US', lang: 'en', seed: 1, difficulty: 'easy' },
    { locale: 'ko-KR', lang: 'ko', seed: 6, difficulty: 'hard' },
  ];
  for (const { locale, lang, seed, difficulty } of cases) {
    await onFreshPage(url('/practice'), async ({ page }) => {
      await newSet(page, 'switch', seed, difficulty);
      await page.waitForSelector('#switch-saved');
      assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
      const lines = await page.$$eval('#switch-program tbody tr', (rows) => rows.map((row) => ({
        pc: Number(row.querySelector('th').textContent), text: row.querySelector('code').textContent.trim(),
      })));
      const rules = await readRules(page);
      const all = rules.join(' ');
      const quantum = Number((lang === 'en' ? all.match(/quantum of (\d+)/) : all.match(/타임 퀀텀 (\d+)/))[1]);
      const threads = [...all.matchAll(/(P\d+\.T\d+) %bx = (\d+)/g)].map((m) => ({ name: m[1], bx: Number(m[2]) }));
      const [, tickText, from, to] = lang === 'en'
        ? all.match(/at t=(\d+) the CPU switches from (\S+) to (\S+)\. What/)
        : all.match(/t=(\d+)에 CPU가 (\S+)에서 (\S+)로 문맥 교환합니다/);
      const tick = Number(tickText);
      assert.ok(threads.length >= 2 && quantum > 0, all);
      const run = runThreads(lines, quantum, threads, tick);
      const out = run[from];
      const inn = run[to];
      // The mistake: the saved PC typed as the address of the instruction it ran last.
      const answers = { 'saved-pc': out.last, 'saved-ax': out.ax, 'saved-bx': out.bx, 'loaded-pc': inn.pc, 'loaded-ax': inn.ax, 'loaded-bx': inn.bx };
      assert.notEqual(out.last, out.pc);
      for (const [cell, value] of Object.entries(answers)) await page.fill(`#switch-${cell}`, String(value));
      assert.match(await page.textContent('#switch-saved legend'), new RegExp(from.replace('.', '\\.')));
      assert.match(await page.textContent('#switch-loaded legend'), new RegExp(to.replace('.', '\\.')));
      await check(page);
      for (const cell of Object.keys(answers)) {
        const expected = cell === 'saved-pc' ? (lang === 'en' ? /: wrong$/ : /: 틀림$/) : (lang === 'en' ? /: right$/ : /: 맞음$/);
        assert.match(await label(page, `#switch-${cell}`), expected, cell);
      }
      const explanation = await page.textContent('#practice-explanation');
      const ran = lines.find((line) => line.pc === out.last).text;
      // The instructions it names are set as code, without the backticks they are written with.
      assert.ok((await page.$$eval('#practice-explanation code', (codes) => codes.map((code) => code.textContent))).includes(ran), explanation);
      if (lang === 'en') {
        assert.ok(explanation.startsWith(`At t=${tick} ${from}'s quantum ran out. The last instruction it ran was ${ran} (${out.last}) during tick ${tick - 1}`), explanation);
        assert.ok(explanation.includes(`${out.pc} (`), explanation);
      } else {
        assert.ok(explanation.startsWith(`t=${tick}에 ${from}의 퀀텀이 끝났습니다.`), explanation);
        assert.ok(explanation.includes(`틱 ${tick - 1}의 ${ran}(${out.last})`), explanation);
        assert.ok(explanation.includes(`${out.pc}(`), explanation);
      }
      // A hint reveals one instruction of the run: the first, at tick 0, by the first thread.
      await page.click('#practice-hint');
      const hints = await page.$$eval('#practice-hints li', (items) => items.map((item) => item.textContent));
      assert.equal(hints.length, 1);
      // The instruction is set as code, not between backticks.
      assert.ok(hints[0].startsWith(lang === 'en' ? `1. Tick 0: ${threads[0].name} ran ${lines[0].text} (${lines[0].pc})` : `1. 틱 0: ${threads[0].name}`), hints[0]);
      assert.equal(await page.textContent('#practice-hints li code'), lines[0].text);
      await screenshot(page, `practice-switch-mistake-${lang}-1280`);
      if (lang === 'en') {
        // Show opens the same threads in the simulator at the switch.
        await showInSimulator(page);
        await page.waitForFunction((at) => document.querySelector('#watch-canvas')?.dataset.tick === String(at), tick);
        await page.goBack();
        await page.waitForSelector('#switch-saved');
      }
      // The fix.
      await page.fill('#switch-saved-pc', String(out.pc));
      await check(page);
      assert.match(await page.textContent('#practice-summary'), lang === 'en' ? /^All correct!/ : /^모두 맞았습니다!/);
      // Progress is kept, the exports carry the cells, the link opens the same exercise.
      await page.reload();
      await page.waitForSelector('#switch-saved');
      assert.equal(await page.inputValue('#switch-saved-pc'), String(out.pc));
      const csv = (await download(page, '#practice-export-csv')).bytes.toString();
      assert.ok(csv.includes(`1,switch,${difficulty},${seed},saved pc,${out.pc},right`), csv);
      assert.ok(csv.includes(`1,switch,${difficulty},${seed},loaded %bx,${inn.bx},right`), csv);
      const link = await page.inputValue('#practice-link');
      const other = await openBrowser({ locale });
      try {
        const { page: fresh } = await openPage(other, link);
        await fresh.waitForSelector('#switch-saved');
        assert.deepEqual(await readRules(fresh), rules);
      } finally {
        await other.close();
      }
    }, { locale, ready: '#practice-title' });
  }
});

test('context switch at laptop and phone widths in both languages', async () => {
  await atEachView(url('/practice'), 'switch', async ({ page, lang, width }) => {
    await newSet(page, 'switch', 3, 'medium');
    await page.waitForSelector('#switch-saved');
    await page.fill('#switch-saved-pc', '1000');
    await page.fill('#switch-loaded-ax', 'x');
    await check(page);
    const fields = await page.$$eval('.switch-cell', (items) => items.map((item) => ({
      right: item.getBoundingClientRect().right, label: item.querySelector('label').textContent,
    })));
    assert.equal(fields.length, 6);
    for (const field of fields) assert.ok(field.right <= width && field.label.length > 0, JSON.stringify(field));
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(|\{t\}/.test(text), text);
  });
});

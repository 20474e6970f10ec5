// Practice: a student solves an FCFS and an SRTF exercise, each with one deliberate mistake. The
// answers are computed here by a small simulator of its own (never read from the page); the page
// must mark exactly the wrong cell, explain it at the right tick with the right rule, and mark
// everything right once it is fixed. The set link opens the same exercises in a fresh profile,
// and progress survives a reload. The racing counter's answers are computed here too, from the
// instructions the page lists: its explanation must name the two loads this file finds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, openPage, screenshot } from './harness.mjs';
import { openSet, readWorkload, check, label, atEachView, showInSimulator } from './practice-helpers.mjs';
import { download, onFreshPage, LANGUAGE_KEY } from './page-helpers.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.close(); });

const url = (path) => new URL(`#${path}`, server.url).href;

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
  await openSet(page, { topic, seed, count });
  assert.ok((await page.textContent('#exercise-title')).includes(topic.toUpperCase()));
}


/** Answers the chart exercise on screen all right (the chart typed on one line, the table, the
 * transition), checks it and returns the key it answered from. */
async function answerAllRight(page, processes, policy) {
  const answer = simulate(processes, policy);
  await page.fill('#chart-line', answer.chart.map((segment) => `${segment.who} ${segment.end}`).join(' '));
  await page.click('#chart-line-apply');
  await page.waitForSelector(`#segment-end-${answer.chart.length}`);
  await fillTable(page, processes, answer);
  await answerTransition(page, processes, answer);
  await check(page);
  assert.match(await page.textContent('#practice-summary'), /^All correct!/);
  return answer;
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


test('FCFS by clicking: a slipped end is marked wrong, the later ends consistent, then all right', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    assert.equal(await page.$eval('#practice-feedback', (e) => e.getAttribute('aria-live')), 'polite');
    // The seed starts empty: New set twice gives two sets, each from a seed of its own.
    assert.equal(await page.inputValue('#practice-seed'), '');
    const first = await page.inputValue('#practice-link');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, first);
    const second = await page.inputValue('#practice-link');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, second);
    assert.equal(await page.inputValue('#practice-seed'), '');
    // A seed that is not a number is refused, said next to the form, and kept as typed; the set stays.
    const linkBefore = await page.inputValue('#practice-link');
    await page.fill('#practice-seed', '12x');
    await page.click('#practice-new');
    await page.waitForSelector('#practice-setup-error');
    assert.match(await page.textContent('#practice-setup-error'), /seed must be a whole number/);
    assert.equal(await page.getAttribute('#practice-seed', 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#practice-seed'), '12x');
    assert.equal(await page.inputValue('#practice-link'), linkBefore);
    // Two fields wrong at once: both marked and both said, at one press.
    const countBefore = await page.inputValue('#practice-count');
    await page.fill('#practice-count', '');
    await page.click('#practice-new');
    await page.waitForFunction(() => document.querySelector('#practice-count').getAttribute('aria-invalid') === 'true');
    assert.match(await page.textContent('#practice-setup-error'), /number of exercises must be.*seed must be a whole number/);
    assert.equal(await page.getAttribute('#practice-seed', 'aria-invalid'), 'true');
    await page.fill('#practice-count', countBefore);
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
    assert.equal(await page.textContent('#times-error'), 'P1 Waiting (“abc”: not a number). Each time is a whole number of ticks, 0 or more.');
    assert.equal(await page.inputValue('#cell-p1-2'), 'abc');
    // Why each cell cannot be read: below 0, too large (it had said "not a number" of both).
    await page.fill('#cell-p1-2', '-3');
    await page.fill('#cell-p1-1', '99999999999999999999');
    await page.waitForFunction(() => document.querySelector('#times-error')?.textContent.startsWith('P1 Turnaround (“99999999999999999999”: too large), P1 Waiting (“-3”: below 0)'));
    // How an average is written is said only where an average cannot be read.
    await page.fill('#average-0', '6.5.');
    await page.waitForFunction(() => document.querySelector('#times-error')?.textContent.endsWith('Each time is a whole number of ticks, 0 or more. An average is written as 6.5 or 13/2.'));
    await page.fill('#cell-p1-2', '');
    await page.fill('#cell-p1-1', '');
    await page.waitForFunction(() => document.querySelector('#times-error')?.textContent === 'Average Turnaround (“6.5.”: not a number). An average is written as 6.5 or 13/2.');
    await page.fill('#average-0', '');
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
    let csv = await download(page, '#practice-export-csv');
    assert.equal(csv.name, 'proclab-practice.csv');
    assert.equal(await page.$('#practice-no-marks'), null, 'a set without rules exports its marks');
    // UTF-8 with a byte-order mark, so that a spreadsheet reads Korean names right.
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    let lines = csv.bytes.toString().replace(/^\uFEFF/, '').trim().split('\n');
    assert.equal(lines[0], 'exercise,topic,difficulty,seed,cell,answer,verdict,student,checks,shown,hints');
    const slipped = answer.chart[slip];
    // Checked once so far, never opened in the simulator.
    assert.ok(lines.includes(`1,fcfs,easy,11,gantt ${slip + 1} end,${slipped.end + 1},wrong,,1,no,0`), lines.join('\n'));
    assert.match(await page.textContent('#practice-unnamed'), /without a name/);
    // With the student's name: in the file's name and on every line, and remembered on reload.
    await page.fill('#practice-student', 'Kim Minji');
    assert.equal(await page.$('#practice-unnamed'), null, 'a name typed answers the note');
    csv = await download(page, '#practice-export-csv');
    assert.equal(csv.name, 'proclab-practice-Kim-Minji.csv');
    lines = csv.bytes.toString().trim().split('\n');
    assert.ok(lines.includes(`1,fcfs,easy,11,gantt ${slip + 1} end,${slipped.end + 1},wrong,Kim Minji,1,no,0`), lines.join('\n'));
    const exported = await download(page, '#practice-export-json');
    assert.equal(exported.name, 'proclab-practice-Kim-Minji.json');
    const json = JSON.parse(exported.bytes.toString());
    assert.equal(json.student, 'Kim Minji');
    assert.equal(json.exercises.length, 2);
    assert.equal(json.exercises[0].answer.segments[slip].end, String(slipped.end + 1));
    assert.ok(json.exercises[0].marked.some((cell) => cell.cell === `gantt ${slip + 1} end` && cell.verdict === 'wrong'));
    assert.equal(json.score.cells, json.exercises[0].cells + json.exercises[1].cells);
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
    assert.equal(await page.inputValue('#practice-student'), 'Kim Minji');
    assert.equal(await page.inputValue(`#segment-end-${answer.chart.length}`), String(answer.chart.at(-1).end));
    assert.equal(await page.inputValue('#average-0'), answer.averages[0]);
    // Opened in the simulator, where every answer shows: the answers file says so, with the
    // two checks pressed.
    await showInSimulator(page);
    await page.waitForSelector('#watch-canvas');
    await page.click('.main-nav a:nth-child(3)');
    await page.waitForSelector('#practice-export-json');
    const noted = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.deepEqual([noted.exercises[0].checks, noted.exercises[0].shown], [2, true]);
    assert.deepEqual([noted.exercises[1].checks, noted.exercises[1].shown], [0, false]);
  }, { ready: '#practice-title' });
});

test('Show asks before it opens an exercise not yet solved: the simulator shows every answer, and the answers file notes it', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'fcfs', 11);
    assert.equal(await page.getAttribute('#practice-show', 'aria-expanded'), 'false');
    await page.click('#practice-show');
    await page.waitForSelector('#practice-show-ask');
    assert.match(await page.textContent('#practice-show-ask'), /shows every answer to this exercise, and your answers file notes that you looked/);
    assert.equal(await page.getAttribute('#practice-show', 'aria-expanded'), 'true');
    await screenshot(page, 'practice-show-ask-en-1280');
    // The focus is on the answer to the question; Escape closes it and gives the focus back to
    // Show, as Keep working does.
    const focusOn = (id) => page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 });
    await focusOn('practice-show-confirm');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#practice-show-ask', { state: 'detached' });
    await focusOn('practice-show');
    await page.click('#practice-show');
    await page.waitForSelector('#practice-show-ask');
    // Keep working: nothing is opened, nothing noted.
    await page.click('#practice-show-cancel');
    assert.equal(await page.$('#practice-show-ask'), null);
    await focusOn('practice-show');
    assert.ok(await page.$('#exercise-title'), 'still on the exercise');
    let noted = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.equal(noted.exercises[0].shown, false);
    // Asked again, and confirmed: the simulator, and the file says so.
    await page.click('#practice-show');
    await page.click('#practice-show-confirm');
    await page.waitForSelector('#watch-canvas');
    await page.goBack();
    await page.waitForSelector('#practice-export-json');
    noted = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.equal(noted.exercises[0].shown, true);
    // Shown once, it opens at once.
    assert.equal(await page.getAttribute('#practice-show', 'aria-expanded'), null);
  }, { ready: '#practice-title' });
});

test('A segment left out of the chart costs only itself: the later ones stay right, the gap is marked in place', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'fcfs', 11);
    const processes = await readWorkload(page);
    const answer = simulate(processes, 'fcfs');
    // A middle segment whose neighbours are not the same owner (else leaving it out merges them).
    const left = answer.chart.findIndex((segment, index) => index >= 1 && index + 1 < answer.chart.length
      && answer.chart[index - 1].who !== answer.chart[index + 1].who);
    assert.ok(left > 0, JSON.stringify(answer.chart));
    const typed = answer.chart.filter((_, index) => index !== left);
    await page.fill('#chart-line', typed.map((segment) => `${segment.who} ${segment.end}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${typed.length}`);
    await fillTable(page, processes, answer);
    await answerTransition(page, processes, answer);
    await check(page);
    for (let index = 0; index < typed.length; index++) {
      assert.match(await label(page, `#segment-who-${index + 1}`), /: right$/, `segment ${index + 1}`);
      assert.match(await label(page, `#segment-end-${index + 1}`), /: right$/, `segment ${index + 1}`);
    }
    // The gap's row stands where the segment belongs, before the chart's segment `left + 1`.
    const rows = await page.$$eval('#segments > li', (items) => items.map((item) => ({
      missing: item.classList.contains('missing'), text: item.textContent.trim(),
    })));
    assert.equal(rows.filter((row) => row.missing).length, 1, JSON.stringify(rows));
    assert.ok(rows[left].missing, JSON.stringify(rows));
    assert.equal(rows[left].text, '1 segment missing here');
    const explanation = await page.textContent('#practice-explanation');
    const gap = answer.chart[left];
    assert.ok(explanation.includes(`A segment is missing before segment ${left + 1}: ${gap.who} until t=${gap.end}.`), explanation);
    // Two cells of the run's chart are not in the answer; everything else is right.
    const summary = await page.textContent('#practice-summary');
    const [right, total] = summary.match(/(\d+) of (\d+)/).slice(1).map(Number);
    assert.equal(total - right, 2, summary);
    // Said as the segment it is: the student left no box empty.
    assert.ok(summary.endsWith('Your chart leaves out 1 segment of the run (2 cells).'), summary);
    assert.doesNotMatch(summary, /empty/);
    await screenshot(page, 'practice-left-out-en-1280');
    // A segment too many is counted apart: the same cells in all, every one right, and the
    // segment said (it had added two wrong cells to the total).
    const last = answer.chart[answer.chart.length - 1];
    await page.fill('#chart-line', [...answer.chart, { who: 'idle', end: last.end + 2 }]
      .map((segment) => `${segment.who} ${segment.end}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${answer.chart.length + 1}`);
    await check(page);
    const extra = await page.textContent('#practice-summary');
    assert.ok(extra.startsWith(`${total} of ${total} cells right. Your chart has 1 segment the run does not have`), extra);
    assert.match(await label(page, `#segment-end-${answer.chart.length + 1}`), /wrong/);
    // Its row says why its two marks are ✗, as a row left out says so in place; no other row does.
    assert.equal(await page.textContent(`#segment-${answer.chart.length + 1}-extra`),
      'The run has no such segment: it is not one of the cells, but the chart is right only without it.');
    assert.equal(await page.locator('.segment-extra').count(), 1);
    // One stretch typed as two segments is noted under the second as it is typed, before any
    // check (under a teacher's rules a student may see no mark).
    const long = answer.chart.findIndex((segment, index) => segment.end - (index ? answer.chart[index - 1].end : 0) >= 2);
    const split = answer.chart.flatMap((segment, index) => index === long
      ? [{ who: segment.who, end: segment.end - 1 }, segment] : [segment]);
    await page.fill('#chart-line', split.map((segment) => `${segment.who} ${segment.end}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-${long + 2}-repeats`);
    assert.equal(await page.textContent(`#segment-${long + 2}-repeats`),
      `Segments ${long + 1} and ${long + 2} are both ${answer.chart[long].who}: one stretch is one segment. Write them as one, ending where the stretch ends.`);
    assert.equal(await page.$$eval('.segment-row .field-note', (notes) => notes.length), 1);
    // Typed in again, it is all right.
    await page.fill('#chart-line', answer.chart.map((segment) => `${segment.who} ${segment.end}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${answer.chart.length}`);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    assert.equal(await page.$('#segments > li.missing'), null);
    // An empty line applied says so and leaves the chart (it had wiped a chart built with the buttons).
    await page.fill('#chart-line', '');
    await page.click('#chart-line-apply');
    await page.waitForSelector('#chart-line-error');
    assert.match(await page.textContent('#chart-line-error'), /^The line is empty: .* The chart was left as it is\.$/);
    assert.equal(await page.$$eval('#segments > li.segment-row', (rows) => rows.length), answer.chart.length);
  }, { ready: '#practice-title' });
});

test('A teacher grades handed-in answers files: graded again from the answers, an edited score caught, a wrong file said, a CSV of it all', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'fcfs', 11);
    const processes = await readWorkload(page);
    const answer = await answerAllRight(page, processes, 'fcfs');
    await page.fill('#practice-student', 'Kim Minji');
    const honest = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.equal(honest.exercises[0].solved, true);
    // A copy whose marks and score were all changed to right in an editor, its answers kept.
    const edited = structuredClone(honest);
    edited.student = 'Lee Jun';
    edited.score.right = edited.score.cells;
    edited.score.solved = edited.exercises.length;
    for (const exercise of edited.exercises) {
      exercise.solved = true;
      for (const cell of exercise.marked) cell.verdict = 'right';
    }
    const files = [
      { name: 'kim.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(honest)) },
      { name: 'lee.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"processes": []}') },
    ];
    await page.click('#practice-gradebook > summary');
    await page.setInputFiles('#gradebook-files', files);
    await page.waitForSelector('#gradebook-summary');
    assert.equal(await page.textContent('#gradebook-summary'), '2 of 3 files graded. 1 could not be read (why, in the table).');
    // The class at a glance: both solved the first exercise only, so the share of cells fine is
    // the first exercise's cells of the set's.
    const tenths = Math.floor((honest.exercises[0].cells * 100 * 20 + honest.score.cells) / (honest.score.cells * 2));
    assert.equal(await page.textContent('#gradebook-class'),
      `2 students of this set: 1.0 of 2 exercises solved on average, ${Math.floor(tenths / 10)}.${tenths % 10}% of the cells right or worked out right.`);
    const rows = await page.$$eval('#gradebook-table > tbody > tr:not(.gradebook-note)', (trs) => trs.map((tr) => ({
      name: tr.querySelector('th').firstChild.textContent.trim(),
      file: tr.querySelector('.file').textContent,
      cells: [...tr.children].map((cell) => cell.textContent.trim()),
      flagged: tr.classList.contains('flagged'),
      note: tr.nextElementSibling?.classList.contains('gradebook-note') ? tr.nextElementSibling.textContent : '',
    })));
    assert.equal(rows.length, 3);
    const cells = honest.exercises[0].cells;
    // Under the table, folded, each student's cells not right: Kim left the second exercise
    // alone, said in one line with its cells (not a wall of empty ones).
    await page.click('#gradebook-cells-1 > summary');
    const notRight = await page.$$eval('#gradebook-cells-1 tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    assert.equal(await page.textContent('#gradebook-cells-1 > summary'), "Kim Minji: 1 line not right (what was typed, and the run's value)");
    assert.deepEqual(notRight, [['2', `the whole exercise left empty (${honest.exercises[1].cells} cells)`, '—', '—', '…']]);
    // Lee's file has Kim's answers under marks edited to right: the same line.
    assert.equal(await page.textContent('#gradebook-cells-2 > summary'), "Lee Jun: 1 line not right (what was typed, and the run's value)");
    // Both students solved the first exercise and nothing of the second, whatever the file says.
    for (const [row, name, file] of [[rows[0], 'Kim Minji', 'kim.json'], [rows[1], 'Lee Jun', 'lee.json']]) {
      assert.deepEqual([row.name, row.file], [name, file]);
      assert.equal(row.cells[1], 'this set');
      assert.equal(row.cells[2], '1 / 2');
      assert.equal(row.cells[3], `${cells} / ${honest.score.cells}`);
      assert.match(row.cells[4], new RegExp(`^${cells}/${cells} · 0/\\d+$`));
    }
    assert.deepEqual([rows[0].flagged, rows[0].note], [false, '']);
    assert.equal(rows[1].flagged, true);
    assert.match(rows[1].note, /The score written in the file differs from this grading/);
    assert.equal(rows[2].file, 'notes.json');
    assert.match(rows[2].cells[1], /Not a ProcLab answers JSON/);
    // At a laptop's width the whole table is in view, without scrolling its box.
    const hidden = await page.$eval('#gradebook-table', (table) => table.parentElement.scrollWidth - table.parentElement.clientWidth);
    assert.ok(hidden <= 0, `the gradebook hides ${hidden}px at 1280`);
    await screenshot(page, 'practice-gradebook-en-1280');
    const raw = (await download(page, '#gradebook-csv')).bytes.toString();
    assert.ok(raw.startsWith('\uFEFFstudent,'), 'one byte-order mark, then the header');
    const csv = raw.replace(/^\uFEFF/, '').trim().split('\n');
    assert.equal(csv[0], 'student,file,set,set_code,solved,exercises,right,consistent,cells,checks,hints,shown,beyond_rules,note,ex1_right,ex1_consistent,ex1_cells,ex2_right,ex2_consistent,ex2_cells');
    // The set in words as the page has it, and its code, the same whatever set is open.
    assert.ok(csv[1].startsWith(`Kim Minji,kim.json,this set,${honest.set},1,2,${cells},0,`), csv[1]);
    assert.ok(csv[2].startsWith(`Lee Jun,lee.json,this set,${honest.set},1,2,${cells},0,`), csv[2]);
    assert.match(csv[2], /The score written in the file differs from this grading/);
    // Each exercise as numbers apart, right, worked out right, cells (a spreadsheet reads 30/30
    // as a date).
    assert.ok(csv[1].endsWith(`,${cells},0,${cells},0,0,${honest.exercises[1].cells}`), csv[1]);
    assert.equal(csv.length, 4);
    // The cells not right, a line each, as listed under the table.
    const empty = `the whole exercise left empty (${honest.exercises[1].cells} cells)`;
    const cellLines = (await download(page, '#gradebook-cells-csv')).bytes.toString().replace(/^\uFEFF/, '').trim().split('\n');
    assert.deepEqual(cellLines, [
      'student,file,exercise,cell,typed,run,mark',
      `Kim Minji,kim.json,2,${empty},,,missing`,
      `Lee Jun,lee.json,2,${empty},,,missing`,
    ]);
    // On a phone, in Korean: a card per student, each cell under its column's name, nothing
    // out of sight sideways (the table had run off the screen mid-score).
    await page.setViewportSize({ width: 390, height: 844 });
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.querySelector('#gradebook-summary')?.textContent.startsWith('파일 3개 중 2개를 채점했습니다.'));
    assert.deepEqual(await page.$$eval('#gradebook-table > tbody > tr > td.set', (cells) => cells.map((cell) => cell.textContent)), ['이 세트', '이 세트']);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const sideways = await page.$eval('#gradebook-table', (table) => table.parentElement.scrollWidth - table.parentElement.clientWidth);
    assert.ok(sideways <= 0, `the gradebook hides ${sideways}px at 390`);
    assert.equal(await page.$eval('#gradebook-table tbody tr:first-child td.set', (cell) => getComputedStyle(cell, '::before').content), '"세트"');
    await page.$eval('#practice-gradebook', (element) => element.scrollIntoView());
    await screenshot(page, 'practice-gradebook-ko-390');
    assert.ok(answer.chart.length > 0);
  }, { ready: '#practice-title' });
});

test('A teacher sets rules for homework: marks only with two checks, then nothing until handed in; the student page keeps them', async () => {
  let link;
  let changedFile;
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'fcfs', 11);
    const open = await page.inputValue('#practice-link');
    await page.click('#practice-rules > summary');
    await page.selectOption('#rules-feedback', 'marks');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, open);
    const marksOnly = await page.inputValue('#practice-link');
    await page.selectOption('#rules-checks', '2');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, marksOnly);
    link = await page.inputValue('#practice-link');
    // The teacher's own page keeps the rules too.
    assert.match(await page.textContent('#practice-rules-note'), /Marks only|marks each cell right or wrong/);
    // Back and Forward among the rules tried: the choices shown are the page's, and the page
    // stays the teacher's (no link's notice, nothing folded).
    await page.selectOption('#rules-feedback', 'hidden');
    await page.waitForFunction(() => !document.querySelector('#practice-check'));
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#practice-check')?.textContent === 'Check (2 left)');
    assert.deepEqual([await page.inputValue('#rules-feedback'), await page.inputValue('#rules-checks')], ['marks', '2']);
    assert.equal(await page.$eval('#practice-rules', (details) => details.open), true);
    assert.equal(await page.$('#practice-from-link'), null);
    await page.goForward();
    await page.waitForFunction(() => !document.querySelector('#practice-check'));
    assert.equal(await page.inputValue('#rules-feedback'), 'hidden');
    assert.equal(await page.$('#practice-from-link'), null);
  }, { ready: '#practice-title' });
  await onFreshPage(link, async ({ page }) => {
    assert.equal(await page.textContent('#practice-rules-note'),
      "Your teacher's rule: Check marks each cell right or wrong (≈ where it follows rightly from an earlier slip, a gap where segments are missing), and that is all: no explanations, hints or simulator. 2 checks per exercise (2 left for this one).");
    assert.equal(await page.$('#practice-hint'), null);
    assert.equal(await page.$('#practice-show'), null);
    assert.equal(await page.textContent('#practice-check'), 'Check (2 left)');
    // The page's lead says what Check does under the rule (it had promised explanations).
    assert.equal(await page.textContent('#practice-title + p.hint'),
      "Work it out by hand and fill in your answers, then press Check: under your teacher's rule, each answer is marked right or wrong, and that is all.");
    assert.doesNotMatch(await page.textContent('#practice-from-link'), /simulator/, 'no simulator offered, none mentioned');
    // The student's copy shows the teacher's rules and does not change them (two taps had
    // opened the same exercises without rules, Hint and the simulator back).
    await page.click('#practice-make > summary');
    assert.deepEqual(await page.$$eval('#rules-feedback, #rules-checks', (selects) => selects.map((select) => [select.value, select.disabled])),
      [['marks', true], ['2', true]]);
    assert.match(await page.textContent('#practice-rules-locked'), /^These rules came with the link you opened/);
    await page.click('#practice-make > summary');
    // A typo in a cell: the check is not counted and shows no marks; it names the cell.
    await page.fill('#cell-p1-0', '1O');
    await page.click('#practice-check');
    await page.waitForSelector('#practice-not-counted');
    assert.equal(await page.textContent('#practice-not-counted'),
      '1 cell cannot be read: P1 completion (“1O”). Correct it and press Check again: this check was not counted.');
    assert.equal(await page.textContent('#practice-check'), 'Check (2 left)');
    assert.equal(await page.$('#practice-summary'), null, 'no marks');
    await page.fill('#cell-p1-0', '');
    await page.waitForFunction(() => !document.querySelector('#practice-not-counted'));
    const processes = await readWorkload(page);
    const answer = simulate(processes, 'fcfs');
    // The last segment one tick late.
    const typed = answer.chart.map((segment, index) => `${segment.who} ${segment.end + (index === answer.chart.length - 1 ? 1 : 0)}`);
    await page.fill('#chart-line', typed.join(' '));
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${answer.chart.length}`);
    await check(page);
    assert.match(await label(page, `#segment-end-${answer.chart.length}`), /: wrong$/);
    assert.match(await label(page, '#segment-end-1'), /: right$/);
    assert.equal(await page.$('#practice-explanation'), null, 'nothing explained');
    assert.equal(await page.textContent('#practice-check'), 'Check (1 left)');
    await page.click('#practice-check');
    await page.waitForFunction(() => document.querySelector('#practice-check').disabled);
    assert.equal(await page.textContent('#practice-check'), 'Check (none left)');
    assert.match(await page.textContent('#practice-rules-note'), /\(0 left for this one\)/);
    // The marks stay on screen; the answers file carries the answers, not the marks.
    assert.match(await label(page, '#segment-end-1'), /: right$/);
    await page.fill('#practice-student', 'Kim Minji');
    const json = JSON.parse((await download(page, '#practice-export-json')).bytes.toString());
    assert.equal(json.score, undefined);
    assert.deepEqual(json.rules, { feedback: 'marks', checks: 2 });
    assert.equal(json.exercises[0].checks, 2);
    assert.ok(json.exercises[0].marked.every((cell) => cell.verdict === null));
    // ...and says so beside the downloads (an empty verdict column had gone unexplained).
    assert.match(await page.textContent('#practice-no-marks'), /without marks: your teacher's gradebook marks them/);
    assert.equal(json.exercises[0].changed_after_check, false, 'handed in as last checked');
    // Out of checks, the late segment put right all the same: the file says it changed after
    // its last check, and the gradebook, grading it as handed in, says so too.
    await page.fill('#chart-line', answer.chart.map((segment) => `${segment.who} ${segment.end}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForFunction(() => !/: (right|wrong)$/.test(document.querySelector('#segment-end-1').getAttribute('aria-label') ?? ''));
    assert.match(await page.textContent('#practice-rules-note'),
      /\(0 left for this one\)\. Your answer has changed since its last check and no check is left: it is graded as you hand it in/);
    const changed = await download(page, '#practice-export-json');
    assert.equal(JSON.parse(changed.bytes.toString()).exercises[0].changed_after_check, true);
    changedFile = changed.bytes;
    // The teacher's tools are folded under "make another set" on a page opened from a link.
    await page.click('#practice-make > summary');
    await page.click('#practice-gradebook > summary');
    await page.setInputFiles('#gradebook-files', [{ name: 'kim.json', mimeType: 'application/json', buffer: changed.bytes }]);
    await page.waitForSelector('#gradebook-table tr.gradebook-note');
    assert.equal(await page.textContent('#gradebook-table tr.gradebook-note'),
      'Exercise 1: the answer was changed after its last check (graded as handed in).');
    assert.equal(await page.textContent('#gradebook-table tbody tr:first-child td.set'), 'this set');
    // The next exercise has its own two checks.
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#practice-check')?.textContent === 'Check (2 left)');
    await screenshot(page, 'practice-rules-marks-en-1280');
  }, { ready: '#practice-title' });
  // The teacher grades it with another set open: the note comes from the file all the same, and
  // the set it is of opens with a click, graded again under its rules.
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'srtf', 5);
    await page.click('#practice-gradebook > summary');
    await page.setInputFiles('#gradebook-files', [{ name: 'kim.json', mimeType: 'application/json', buffer: changedFile }]);
    await page.waitForSelector('#gradebook-table tr.gradebook-note');
    assert.equal(await page.textContent('#gradebook-table tbody tr:first-child td.set'), 'not the set open below');
    assert.equal(await page.textContent('#gradebook-table tr.gradebook-note'),
      'Exercise 1: the answer was changed after its last check (graded as handed in).');
    assert.match(await page.textContent('#gradebook-other-set'), /^1 file is of a set that is not the one open below \(rules: marks only, 2 checks per exercise\)/);
    await page.click('#gradebook-open-set');
    await page.waitForFunction(() => document.querySelector('#gradebook-table tbody tr:first-child td.set')?.textContent === 'this set');
    assert.equal(await page.$('#gradebook-other-set'), null);
    assert.equal(await page.inputValue('#practice-link'), link);
    assert.equal(await page.textContent('#practice-check'), 'Check (2 left)');
  }, { ready: '#practice-title' });
  // Nothing until handed in: no Check at all, in Korean on a phone.
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newSet(page, 'fcfs', 11);
    await page.click('#practice-rules > summary');
    await page.selectOption('#rules-checks', '3');
    await page.waitForFunction(() => !document.querySelector('#rules-checks').disabled && document.querySelector('#practice-check')?.textContent === 'Check (3 left)');
    const before = await page.inputValue('#practice-link');
    await page.selectOption('#rules-feedback', 'hidden');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
    assert.equal(await page.$eval('#rules-checks', (select) => select.disabled), true, 'no limit to choose where nothing is checked');
    link = await page.inputValue('#practice-link');
  }, { ready: '#practice-title' });
  await onFreshPage(link.replace('lang=en', 'lang=ko'), async ({ page }) => {
    assert.equal(await page.$('#practice-check'), null);
    assert.equal(await page.$('#practice-hint'), null);
    assert.match(await page.textContent('#practice-rules-note'), /제출할 때까지 채점하지 않습니다/);
    assert.match(await page.textContent('#practice-from-link'), /JSON으로 내려받아/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.$eval('#practice-rules-note', (element) => element.scrollIntoView());
    await screenshot(page, 'practice-rules-hidden-ko-390');
  }, { ready: '#practice-title', locale: 'ko-KR', viewport: { width: 390, height: 844 } });
});

test('SRTF typed on one line: a missed preemption is explained at its tick, then all right; the link opens the same set', async () => {
  let link;
  let workload;
  await onFreshPage(url('/practice'), async ({ page }) => {
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
    // A line that cannot be read says which word and why, keeps what was typed and applies nothing.
    const first = processes[0].name;
    for (const [typed, said] of [
      [`${first} 3 P9 5`, /^Word 3, “P9”, is not a process of this exercise: write one of P1, .*, idle\.$/],
      [`${first} 3 CS 4`, /^Word 3, “CS”: this exercise has no context switch time/],
      [`${first} 3, ${first} 2`, /^Word 4: this segment ends at 2, but the one before it ended at 3/],
    ]) {
      await page.fill('#chart-line', typed);
      await page.click('#chart-line-apply');
      await page.waitForFunction((pattern) => new RegExp(pattern).test(document.querySelector('#chart-line-error')?.textContent ?? ''), said.source);
      assert.equal(await page.inputValue('#chart-line'), typed);
      assert.equal(await page.$('#segment-end-1'), null, 'nothing is applied');
    }
    await page.fill('#chart-line', line);
    await page.click('#chart-line-apply');
    await page.waitForSelector(`#segment-end-${answer.chart.length}`);
    // The line typed here is this exercise's: the other one's box is empty, and this one's
    // chart is still there on coming back.
    await page.click('#exercise-1');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('1 / 2'));
    assert.equal(await page.inputValue('#chart-line'), '');
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 2'));
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
    // Show plays the exercise in the simulator from a little before the mistake and stops at it,
    // then back to the set as it was. Every tick the canvas shows is recorded as it plays.
    await page.evaluate(() => {
      window.shownTicks = [];
      window.shownPlaying = [];
      setInterval(() => {
        const canvas = document.querySelector('#watch-canvas');
        if (!canvas) return;
        const shown = Number(canvas.dataset.tick);
        if (window.shownTicks.at(-1) !== shown) window.shownTicks.push(shown);
        window.shownPlaying.push(document.querySelector('#play')?.getAttribute('data-playing'));
      }, 40);
    });
    await showInSimulator(page);
    await page.waitForFunction((value) => document.querySelector('#watch-canvas')?.dataset.tick === String(value)
      && document.querySelector('#play')?.getAttribute('data-playing') === 'false', tick);
    await page.waitForTimeout(1200);
    const played = await page.evaluate(() => ({ ticks: window.shownTicks, playing: window.shownPlaying }));
    const from = Math.max(0, tick - 3);
    assert.deepEqual(played.ticks, Array.from({ length: tick - from + 1 }, (_, i) => from + i), 'it plays tick by tick up to the mistake');
    assert.ok(played.playing.includes('true'), 'the play button showed it playing');
    assert.equal(await page.getAttribute('#watch-canvas', 'data-tick'), String(tick), 'it stays stopped at the mistake');
    await screenshot(page, 'practice-show-stopped-en-1280');
    await page.goBack();
    await page.waitForSelector('#practice-title');
    await page.click('#exercise-2');
    await page.waitForFunction((n) => document.querySelector(`#segment-end-${n}`), answer.chart.length);
    // The fix: choose the right process for that segment.
    await page.selectOption(`#segment-who-${index + 1}`, `p${by}`);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    link = await page.inputValue('#practice-link');
    assert.match(link, /#\/practice\?set=[A-Za-z0-9_-]+&lang=en$/);
    // Or in each student's own language: the same set, no language in the link.
    await page.selectOption('#practice-link-lang', 'students');
    assert.equal(await page.inputValue('#practice-link'), link.replace('&lang=en', ''));
    await page.selectOption('#practice-link-lang', 'page');
    assert.equal(await page.inputValue('#practice-link'), link);
  }, { ready: '#practice-title' });
  // A fresh profile (another student) opens the same exercises from the link.
  await onFreshPage(link, async ({ page }) => {
    assert.match(await page.textContent('#exercise-title'), /1 \/ 2: SRTF/);
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 2'));
    assert.deepEqual(await readWorkload(page), workload);
    assert.equal(await page.$('#segment-end-1'), null, 'a fresh profile starts with no answers');
    assert.equal(await page.inputValue('#practice-link'), link);
    // The student sees the set and how to hand it in first; making another is folded away
    // (the teacher's own page, reloaded, keeps its form open: the first test's reload).
    assert.match(await page.textContent('#practice-from-link'), /came from a link \(2 exercises\).*save your answers as JSON and hand in that file/);
    assert.equal(await page.$eval('#practice-make', (details) => details.open), false);
    assert.equal(await page.isVisible('#practice-new'), false);
    // The exercise first, the link and the hand-in under it (on a phone they had filled the
    // first screen).
    assert.ok(await page.evaluate(() => Boolean(document.querySelector('#practice-check')
      .compareDocumentPosition(document.querySelector('#practice-student')) & Node.DOCUMENT_POSITION_FOLLOWING)),
      'the hand-in comes after the exercise');
    // Opened again, the set still came from a link, at the exercise left (the first had opened).
    await page.reload();
    await page.waitForSelector('#practice-from-link');
    assert.match(await page.textContent('#exercise-title'), /2 \/ 2/);
    assert.equal(await page.isVisible('#practice-new'), false);
    await page.click('#practice-make summary');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, link);
    assert.equal(await page.$('#practice-from-link'), null, 'a set of ones own is not from a link');
    assert.equal(await page.isVisible('#practice-new'), true);
    await page.reload();
    await page.waitForSelector('#practice-workload');
    assert.equal(await page.$('#practice-from-link'), null, 'a reload is not a link followed');
    assert.equal(await page.isVisible('#practice-new'), true);
    // The new set was a new entry in the tab's history: Back returns to the teacher's set (it
    // had left the site).
    await page.goBack();
    await page.waitForSelector('#practice-from-link');
    assert.equal(await page.inputValue('#practice-link'), link);
    assert.match(await page.textContent('#exercise-title'), /SRTF/);
  }, { ready: '#practice-workload' });
});

test('a set link opens in the language it pins, even where the student chose another, and leaves that choice as it was', async () => {
  let link;
  let title;
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'fcfs', seed: 11, count: 2 });
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    link = await page.inputValue('#practice-link');
    assert.match(link, /&lang=ko$/);
    title = await page.textContent('#exercise-title');
  }, { ready: '#practice-title' });
  // A student whose browser is set to English.
  await onFreshPage(link, async ({ page }) => {
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.equal(await page.textContent('#exercise-title'), title);
  }, { ready: '#practice-workload', locale: 'en-US' });
  // A student who chose English on an earlier visit: the teacher's "opens in Korean" holds, and
  // the student's own choice is still English on the next visit.
  await onFreshPage(url('/'), async ({ page }) => {
    await page.click('#lang-en');
    await page.waitForFunction((key) => localStorage.getItem(key) === 'en', LANGUAGE_KEY);
    // Opened in this tab, already on the page: the link's language, at once.
    await page.goto(link);
    await page.waitForSelector('#practice-workload');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    // Reloaded (the address keeps the pin), and opened afresh.
    for (let round = 0; round < 2; round += 1) {
      await page.reload();
      await page.waitForSelector('#practice-workload');
      await page.waitForFunction(() => document.documentElement.lang === 'ko');
      assert.equal(await page.textContent('#exercise-title'), title);
      assert.match(page.url(), /&lang=ko$/);
    }
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), LANGUAGE_KEY), 'en');
    // The student's own choice on the page wins from then on, and a reload keeps it.
    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.reload();
    await page.waitForSelector('#practice-workload');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.doesNotMatch(page.url(), /lang=/);
    await page.goto(url('/'));
    await page.reload();
    await page.waitForSelector('#app-title');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  }, { locale: 'ko-KR' });
});

test('a set link pasted into the address bar of an open practice tab opens that set', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'fcfs', seed: 11, count: 2 });
    const first = await page.inputValue('#practice-link');
    await openSet(page, { topic: 'rr', seed: 12, count: 4 });
    assert.match(await page.textContent('#exercise-title'), /1 \/ 4/);
    await page.evaluate((address) => { location.href = address; }, first);
    await page.waitForFunction(() => /1 \/ 2/.test(document.querySelector('#exercise-title')?.textContent));
    assert.equal(await page.inputValue('#practice-link'), first, 'the set link names the set on screen');
    // A broken link says so and keeps the set.
    await page.evaluate(() => { location.hash = '#/practice?set=AAA'; });
    await page.waitForSelector('.practice .notice.error');
    assert.match(await page.textContent('#exercise-title'), /1 \/ 2/);
    assert.match(await page.textContent('.practice .notice.error'), /cut short.*Ask for the whole link/);
    assert.equal(await page.evaluate(() => location.hash), '#/practice?set=AAA', 'the broken link stays to be sent back');
  }, { ready: '#practice-title' });
  // A link cut short, opened in a fresh profile: said so in the student's language, and the
  // address bar keeps it (a new set's link had replaced it).
  let whole;
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'rr', seed: 5, count: 2 });
    whole = await page.inputValue('#practice-link');
  }, { ready: '#practice-title' });
  const cut = whole.replace(/&lang=\w+$/, '').slice(0, -1);
  await onFreshPage(cut, async ({ page }) => {
    await page.waitForSelector('.practice .notice.error');
    assert.match(await page.textContent('.practice .notice.error'), /링크가 잘렸을 수 있으니/);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => location.href), cut);
    assert.notEqual(await page.inputValue('#practice-link'), whole);
  }, { ready: '#practice-workload', locale: 'ko-KR' });
});

test('the page in both languages at laptop and phone widths', async () => {
  await atEachView(url('/practice'), '', async ({ page, lang, width }) => {
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
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(/.test(text), text);
    if (lang === 'ko') assert.match(text, /간트 차트/);
  });
});

test('a priority exercise fits a phone: the workload shows its priorities and every answer field is on screen, under its heading', async () => {
  await atEachView(url('/practice'), 'priority', async ({ page, lang, width }) => {
    await openSet(page, { topic: 'priority', seed: 7, difficulty: 'hard' });
    const read = () => page.evaluate(() => {
      const box = (element) => element.getBoundingClientRect();
      const view = document.documentElement.clientWidth;
      const priorities = [...document.querySelectorAll('#practice-workload td.priority')]
        .map((cell) => ({ right: box(cell).right, text: cell.textContent }));
      const fields = [...document.querySelectorAll('#practice-times input')]
        .map((input) => ({ id: input.id, left: box(input).left, right: box(input).right, width: box(input).width }));
      const headings = [...document.querySelectorAll('#practice-times td[data-label]')]
        .map((cell) => ({ label: cell.dataset.label, shown: getComputedStyle(cell, '::before').content.replace(/^"|"$/g, '') }));
      return { view, priorities, fields, headings };
    });
    for (const moment of ['before Check', 'after Check']) {
      const layout = await read();
      assert.ok(layout.priorities.length > 0, 'the priority column is shown');
      for (const cell of layout.priorities) {
        assert.ok(cell.right <= layout.view, `${lang} ${width} ${moment}: priority ${cell.text} ends at ${cell.right} px, past ${layout.view}`);
      }
      // Every process's four answers and the three averages.
      assert.equal(layout.fields.length, (await readWorkload(page)).length * 4 + 3);
      for (const field of layout.fields) {
        assert.ok(field.left >= 0 && field.right <= layout.view, `${lang} ${width} ${moment}: ${field.id} spans ${field.left}-${field.right} px of ${layout.view}`);
        assert.ok(field.width >= 36, `${lang} ${width}: ${field.id} is ${field.width} px wide`);
      }
      if (width === 390) {
        for (const heading of layout.headings) assert.equal(heading.shown, heading.label, `${lang}: ${heading.label} is shown above its field`);
      }
      await page.fill('#cell-p1-0', '9');
      await check(page);
    }
    // A long chart typed on one line scrolls in its own strip; the page stays as wide as the screen.
    const names = (await readWorkload(page)).map((process) => process.name);
    await page.fill('#chart-line', Array.from({ length: 24 }, (_, at) => `${names[at % names.length]} ${2 * at + 2}`).join(' '));
    await page.click('#chart-line-apply');
    await page.waitForFunction(() => document.querySelectorAll('.gantt-strip .strip-seg').length === 24);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      strip: document.querySelector('.strip-scroll').clientWidth,
    }));
    assert.equal(widths.page, 0, `${lang} ${width}: the page scrolls sideways by ${widths.page} px`);
    assert.ok(widths.strip <= width, `${lang} ${width}: the strip's box is ${widths.strip} px`);
  });
});

/** Question A's interleaving as the page shows it: for each step, the thread (from 1) and its instruction. */
/** Clicks Hint until it is off; returns every hint shown. */
async function allHints(page) {
  for (let clicks = 0; clicks < 100 && await page.isEnabled('#practice-hint'); clicks++) {
    const before = await page.locator('#practice-hints li').count();
    await page.click('#practice-hint');
    await page.waitForFunction((count) => document.querySelectorAll('#practice-hints li').length > count, before);
  }
  return page.$$eval('#practice-hints li', (items) => items.map((item) => item.textContent));
}

async function readInterleaving(page) {
  return page.$$eval('#race-interleaving tbody tr', (rows) => rows.map((row) => {
    const cells = [...row.querySelectorAll('td')];
    const thread = cells.findIndex((cell) => cell.textContent.trim() !== '') + 1;
    return { step: Number(row.querySelector('th').textContent), thread, text: cells[thread - 1].textContent.trim() };
  }));
}

/**
 * The counter's run, computed here from the instructions alone: a load copies counter into the
 * thread's %ax, an add adds to it, a store writes it back. Returns the final value, the
 * increments (stores), and the first lost update: the two loads that read the same value, the
 * store that overwrote the other thread's, and how many increments that store wiped out.
 */
function raceRun(steps) {
  let counter = 0;
  const ax = {};
  const loaded = {};
  let lastStore = null;
  let lost = null;
  let stores = 0;
  const loads = [];
  const accesses = [];
  for (const { step, thread, text } of steps) {
    if (text === 'mov counter, %ax') {
      ax[thread] = counter;
      loaded[thread] = { step, value: counter };
      loads.push({ step, thread, value: counter });
      accesses.push({ step, thread, load: true, value: counter });
    } else if (text === 'add $1, %ax') ax[thread] += 1;
    else if (text === 'mov %ax, counter') {
      stores += 1;
      const mine = loaded[thread];
      if (!lost && lastStore && lastStore.thread !== thread && lastStore.step > mine.step) {
        // The other load that read the same value: the one that fed the overwritten store, else
        // another thread's nearest to this thread's load.
        const twin = lastStore.load.value === mine.value ? lastStore.load
          : loads.filter((l) => l.thread !== thread && l.value === mine.value)
            .sort((a, b) => Math.abs(a.step - mine.step) - Math.abs(b.step - mine.step))[0];
        assert.ok(twin, 'two loads read the same value');
        // The increments it wipes out: what the counter held over what this thread read.
        lost = { loads: [mine.step, twin.step].sort((a, b) => a - b), store: step, count: counter - mine.value };
      }
      counter = ax[thread];
      lastStore = { thread, step, load: mine };
      accesses.push({ step, thread, load: false, value: counter });
    }
  }
  return { value: counter, increments: stores, lost, accesses };
}

async function newRaceSet(page, seed, difficulty = 'easy') {
  await openSet(page, { topic: 'race', seed, difficulty });
  await page.waitForSelector('#race-value');
}

test('racing counter in both languages: a wrong final value is explained by its two loads, then fixed; a lossy interleaving built by taps', async () => {
  const cases = [
    { locale: 'en-US', lang: 'en', seed: 1, difficulty: 'easy' },
    { locale: 'ko-KR', lang: 'ko', seed: 4, difficulty: 'hard' },
  ];
  for (const { locale, lang, seed, difficulty } of cases) {
    await onFreshPage(url('/practice'), async ({ page }) => {
      await newRaceSet(page, seed, difficulty);
      assert.match(await page.textContent('#exercise-title'), lang === 'en' ? /Racing counter/ : /경쟁하는 카운터/);
      assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
      const steps = await readInterleaving(page);
      const run = raceRun(steps);
      // Hints follow the counter, a load or a store each, as computed here from the steps.
      const hints = await allHints(page);
      assert.equal(hints.length, 1 + run.accesses.length, hints.join('\n'));
      run.accesses.forEach(({ step, thread, load, value }, index) => {
        const expected = lang === 'en'
          ? `${index + 2}. Step ${step}: thread ${thread} ${load ? `loads counter = ${value}.` : `stores ${value}: counter = ${value}.`}`
          : new RegExp(`^${index + 2}\\. ${step}단계: 스레드 ${thread}[이가] ${load ? `counter = ${value}[을를] 읽습니다\\.` : `${value}[을를] 씁니다: counter = ${value}\\.`}$`);
        if (lang === 'en') assert.equal(hints[index + 1], expected);
        else assert.match(hints[index + 1], expected);
      });
      assert.equal(await page.getAttribute('#practice-no-hint', 'id'), 'practice-no-hint', 'Hint says why it is off');
      assert.ok(run.lost, `seed ${seed} gives an interleaving that loses an update: ${JSON.stringify(steps)}`);
      assert.ok(run.value < run.increments);
      // A number too large says so under the cell as it is typed (only a "?" had marked it).
      await page.fill('#race-value', '99999999999999999999');
      await page.waitForSelector('#race-value-error');
      assert.match(await page.textContent('#race-value-error'), lang === 'en' ? /^“99999999999999999999”: too large\./ : /^“99999999999999999999”: 너무 큰 수입니다\./);
      // A: the value a student expects when nothing is lost, which is wrong here.
      await page.fill('#race-value', String(run.increments));
      await page.waitForFunction(() => !document.querySelector('#race-value-error'));
      await check(page);
      assert.match(await label(page, '#race-value'), lang === 'en' ? /: wrong$/ : /: 틀림$/);
      const explanation = await page.textContent('#practice-explanation');
      const [first, second] = run.lost.loads;
      if (lang === 'en') {
        assert.ok(explanation.includes(`steps ${first} and ${second}`), explanation);
        const lostWords = run.lost.count === 1 ? 'an update was lost' : `${run.lost.count} updates were lost`;
        assert.ok(explanation.includes(`${lostWords} at step ${run.lost.store}`), explanation);
        assert.ok(explanation.includes(`ends at ${run.value}, not ${run.increments}`), explanation);
      } else {
        assert.ok(explanation.includes(`${first}단계와 ${second}단계`), explanation);
        const lostWords = run.lost.count === 1 ? '하나' : `${run.lost.count}개`;
        assert.ok(explanation.includes(`${run.lost.store}단계에서 증가 ${lostWords}를 잃었습니다`), explanation);
      }
      if (lang === 'en') {
        // Show opens the same interleaving in the simulator, at the first load of the lost update.
        await showInSimulator(page);
        await page.waitForFunction((tick) => document.querySelector('#watch-canvas')?.dataset.tick === String(tick), first - 1);
        await page.goBack();
        await page.waitForSelector('#race-value');
      }
      // B: an entry that is not a thread is named at once and kept as typed.
      await page.fill('#race-typed', '1 x');
      await page.waitForSelector('#race-typed-error');
      assert.match(await page.textContent('#race-typed-error'), lang === 'en' ? /Entry 2, 'x', is not a thread number/ : /두 번째 항목 'x'/);
      assert.equal(await page.inputValue('#race-typed'), '1 x');
      await page.click('#race-clear');
      // Built by taps: thread 1 loads, thread 2 loads the same value, the rest runs in order.
      assert.match(await page.textContent('#race-add-1'), /mov counter, %ax/);
      await page.click('#race-add-1');
      await page.click('#race-add-2');
      await page.click('#race-add-2');
      await page.click('#race-undo');
      assert.equal(await page.inputValue('#race-typed'), '1 2');
      assert.equal(await page.$('#race-typed-error'), null);
      await screenshot(page, `practice-race-mistake-${lang}-1280`);
      // The fix of A, and both checked.
      await page.fill('#race-value', String(run.value));
      await check(page);
      assert.match(await page.textContent('#practice-summary'), lang === 'en' ? /^All correct!/ : /^모두 맞았습니다!/);
      assert.match(await label(page, '#race-typed'), lang === 'en' ? /: right$/ : /: 맞음$/);
      const feedback = await page.textContent('#race-feedback');
      assert.match(feedback, lang === 'en' ? /(an update was|\d+ updates were) lost/ : /증가 (하나|\d+개)를 잃었습니다/);
      // Show now opens the student's own interleaving (B, completed), which loses an update.
      assert.match(await page.textContent('#practice-show'), lang === 'en' ? /my interleaving \(question B\)/ : /내 실행 순서\(질문 B\)/);
      if (lang === 'en') {
        await showInSimulator(page);
        await page.waitForSelector('#lost-count');
        await page.click('#to-end');
        await page.waitForFunction(() => /Updates lost over the whole run: [1-9]/.test(document.querySelector('#lost-count')?.textContent ?? ''));
        assert.match(await page.textContent('#scheduler-choices'), /^Your choices \(\d+\): P1\.T1 P1\.T2 /);
        await page.goBack();
        await page.waitForSelector('#race-value');
      }
      // A serial interleaving loses nothing, and says why.
      const serial = steps.filter((s) => s.thread === 1).map(() => '1').join(' ');
      await page.fill('#race-typed', serial);
      await check(page);
      assert.match(await label(page, '#race-typed'), lang === 'en' ? /: wrong$/ : /: 틀림$/);
      assert.match(await page.textContent('#race-feedback'), lang === 'en' ? /loses no update/ : /하나도 잃지 않습니다/);
      // Progress is kept: a reload shows both answers as typed.
      await page.reload();
      await page.waitForSelector('#race-typed');
      assert.equal(await page.inputValue('#race-typed'), serial);
      assert.equal(await page.inputValue('#race-value'), String(run.value));
      // The answers to hand in carry both questions.
      const csv = (await download(page, '#practice-export-csv')).bytes.toString();
      assert.ok(csv.includes(`1,race,${difficulty},${seed},race final value,${run.value},`), csv);
      assert.ok(csv.includes(`1,race,${difficulty},${seed},race interleaving,${serial},`), csv);
    }, { locale, ready: '#practice-title' });
  }
});

test('racing counter at laptop and phone widths in both languages', async () => {
  await atEachView(url('/practice'), 'race', async ({ page, lang, width }) => {
    await newRaceSet(page, 2, 'hard');
    await page.fill('#race-value', '2');
    await page.click('#race-add-3');
    await page.click('#race-add-1');
    await check(page);
    // The interleaving fits: one column per thread on a laptop, step/thread/instruction rows on a phone.
    const shown = width > 560 ? '#race-interleaving' : '#race-interleaving-list';
    const table = await page.$eval(shown, (t) => ({ width: t.getBoundingClientRect().width, room: t.parentElement.clientWidth }));
    assert.ok(table.width <= table.room, `${lang} ${width}: the interleaving is ${table.width}px wide in ${table.room}px`);
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(/.test(text), text);
  });
});

/** The builder's list as the page shows it, one label an entry. */
async function builderList(page) {
  return page.$$eval('#builder-list .builder-name', (names) => names.map((name) => name.textContent.trim()));
}

test("a teacher's mixed set: chosen one by one, reordered, shared as one link that opens the same exercises", async () => {
  const context = await openBrowser({ locale: 'en-US' });
  let link;
  let srtfWorkload;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, problems } = await openPage(context, url('/practice'));
    await page.waitForSelector('#practice-title');
    await page.click('#practice-builder summary');
    assert.ok(await page.$('#builder-empty'), 'an empty list says so');
    // A typo in the seed is named in words and kept as typed; nothing is added.
    await page.selectOption('#builder-topic', 'fcfs');
    await page.fill('#builder-seed', '12a');
    await page.click('#builder-add');
    await page.waitForSelector('#builder-error');
    assert.match(await page.textContent('#builder-error'), /The seed must be a whole number/);
    assert.equal(await page.inputValue('#builder-seed'), '12a');
    assert.equal(await page.getAttribute('#builder-seed', 'aria-invalid'), 'true');
    assert.ok(await page.$('#builder-empty'));
    // FCFS easy, seed 5, added from the keyboard.
    await page.fill('#builder-seed', '5');
    await page.focus('#builder-add');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#builder-list');
    assert.equal(await page.$('#builder-error'), null, 'the message goes once the seed reads');
    // The racing counter, medium, seed 7.
    await page.selectOption('#builder-topic', 'race');
    await page.selectOption('#builder-difficulty', 'medium');
    await page.fill('#builder-seed', '7');
    await page.click('#builder-add');
    // SRTF hard with a drawn seed.
    await page.selectOption('#builder-topic', 'srtf');
    await page.selectOption('#builder-difficulty', 'hard');
    await page.fill('#builder-seed', '');
    await page.click('#builder-draw');
    const drawn = await page.inputValue('#builder-seed');
    assert.match(drawn, /^\d+$/);
    await page.click('#builder-add');
    // One more, then removed.
    await page.selectOption('#builder-topic', 'rr');
    await page.click('#builder-add');
    assert.equal((await builderList(page)).length, 4);
    assert.equal(await page.getAttribute('#builder-remove-4', 'aria-label'), `Remove: 4. ${(await builderList(page))[3]}`);
    // From the keyboard: after a removal the focus is on the remove button now in that place
    // (the last one here), and after a move on the moved entry's arrow, never on another entry.
    await page.focus('#builder-remove-4');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#builder-list li').length === 3);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'builder-remove-3');
    // SRTF moved up to second place, by keyboard.
    await page.focus('#builder-up-3');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /SRTF/.test(document.querySelectorAll('#builder-list li')[1]?.textContent));
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'builder-up-2', 'the focus moved with SRTF');
    const list = await builderList(page);
    assert.equal(list.length, 3);
    assert.match(list[0], /^FCFS .* · Easy .* · seed 5$/);
    assert.match(list[1], new RegExp(`^SRTF .* · Hard .* · seed ${drawn}$`));
    assert.match(list[2], /^Racing counter .* · Medium .* · seed 7$/);
    assert.equal(await page.isDisabled('#builder-up-1'), true);
    assert.equal(await page.isDisabled('#builder-down-3'), true);
    // The homework's rules are the list's: chosen beside it, carried in its link, and the set
    // open below keeps its own (they had gone to it, and the list's link went out without them).
    const open = await page.inputValue('#practice-link');
    const plain = await page.inputValue('#builder-link');
    // The default rule says it shows the right value; each rule says what Check tells.
    assert.match(await page.textContent('#builder-rules-feedback-said'), /with the right value there/);
    await page.selectOption('#builder-rules-feedback', 'marks');
    await page.waitForFunction((old) => document.querySelector('#builder-link').value !== old, plain);
    assert.match(await page.textContent('#builder-rules-feedback-said'), /^Each cell right or wrong, nothing more/);
    await page.selectOption('#builder-rules-checks', '2');
    await page.waitForFunction(() => document.querySelector('#builder-rules-checks').value === '2');
    assert.equal(await page.inputValue('#practice-link'), open, 'the set open below is unchanged');
    link = await page.inputValue('#builder-link');
    assert.match(link, /#\/practice\?set=[A-Za-z0-9_-]+&lang=en$/);
    // Or in each student's own language: the same set, no language in the link.
    await page.selectOption('#builder-link-lang', 'students');
    assert.equal(await page.inputValue('#builder-link'), link.replace('&lang=en', ''));
    await page.selectOption('#builder-link-lang', 'page');
    assert.equal(await page.inputValue('#builder-link'), link);
    // An added entry empties the seed field (the next one is drawn anew); the same exercise
    // again is refused in words, its seed kept as typed.
    assert.equal(await page.inputValue('#builder-seed'), '');
    await page.selectOption('#builder-topic', 'fcfs');
    await page.selectOption('#builder-difficulty', 'easy');
    await page.fill('#builder-seed', '5');
    await page.click('#builder-add');
    await page.waitForSelector('#builder-error');
    assert.match(await page.textContent('#builder-error'), /already in the list/);
    assert.equal(await page.inputValue('#builder-seed'), '5');
    assert.deepEqual(await builderList(page), list);
    // The list survives leaving the page and a reload, as a student's answers do.
    await page.click('.main-nav a:nth-child(2)');
    await page.waitForSelector('#practice-title', { state: 'detached' });
    await page.click('.main-nav a:nth-child(3)');
    await page.waitForSelector('#builder-list');
    assert.deepEqual(await builderList(page), list, 'after a visit to Learn');
    await page.reload();
    await page.waitForSelector('#builder-list');
    assert.deepEqual(await builderList(page), list, 'after a reload');
    assert.equal(await page.inputValue('#builder-link'), link);
    await page.click('#builder-copy');
    await page.waitForFunction(() => document.querySelector('#practice-builder [role=status]'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await screenshot(page, 'practice-builder-en-1280');
    // The set open below is another one, and the list says so (a teacher had sent that one).
    assert.match(await page.textContent('#builder-open-state'), /^The set open below is not this list/);
    // The teacher opens it here: the page's own set link is the same link.
    await page.click('#builder-open');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('1 / 3'));
    assert.equal(await page.inputValue('#practice-link'), link);
    assert.equal(await page.textContent('#builder-open-state'), 'The set open below is this list.');
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 3: SRTF'));
    srtfWorkload = await page.$eval('#practice-workload tbody', (body) => body.textContent);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  // A fresh profile opens the same three exercises, in the same order.
  await onFreshPage(link, async ({ page }) => {
    assert.match(await page.textContent('#exercise-title'), /1 \/ 3: FCFS/);
    assert.match(await page.textContent('#practice-rules-note'), /Check marks each cell right or wrong.*2 checks per exercise/);
    await page.click('#exercise-2');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 3: SRTF'));
    assert.equal(await page.$eval('#practice-workload tbody', (body) => body.textContent), srtfWorkload);
    await page.click('#exercise-3');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('3 / 3: Racing counter'));
    await page.waitForSelector('#race-value');
    assert.equal(await page.inputValue('#practice-link'), link);
  }, { ready: '#practice-workload' });
});

test('the set builder in both languages at laptop and phone widths', async () => {
  await atEachView(url('/practice'), 'builder', async ({ page, lang, width }) => {
    await page.click('#practice-builder summary');
    for (const [topic, seed] of [['fcfs', '1'], ['race', '2'], ['hrrn', '3']]) {
      await page.selectOption('#builder-topic', topic);
      await page.fill('#builder-seed', seed);
      await page.click('#builder-add');
    }
    await page.fill('#builder-seed', '-3');
    await page.click('#builder-add');
    await page.waitForSelector('#builder-error');
    if (lang === 'ko') assert.match(await page.textContent('#builder-error'), /시드는/);
    assert.equal(await page.inputValue('#builder-seed'), '-3');
    const text = await page.textContent('#practice-builder');
    assert.ok(!/undefined|NaN|\[object|Some\(/.test(text), text);
    await page.$eval('#practice-builder', (element) => element.scrollIntoView());
  });
});

/** The resource-allocation graph the page shows: per thread, its state, holds, waits for, held by. */
async function readMoment(page) {
  const tick = Number((await page.textContent('#deadlock-graph-title')).match(/t=(\d+)/)[1]);
  const rows = await page.$$eval('#deadlock-moment tbody tr', (trs) => trs.map((tr) => ({
    name: tr.querySelector('th').textContent.trim(),
    holds: tr.querySelector('.holds').textContent.trim(),
    waits: tr.querySelector('.waits').textContent.trim(),
    holder: tr.querySelector('.holder').textContent.trim(),
  })));
  return { tick, rows };
}

/**
 * The answer computed here from the table alone: a thread waits for the holder of the mutex it
 * wants; following holders from a thread either reaches one that waits for nothing (it can run)
 * or goes round a cycle. Threads on a cycle are deadlocked, and so is every thread whose chain
 * reaches one.
 */
function deadlockOf(rows) {
  const next = (name) => {
    const row = rows.find((r) => r.name === name);
    return row && /^T\d+$/.test(row.holder) ? row.holder : null;
  };
  const onCycle = rows.map((r) => r.name).filter((start) => {
    let current = start;
    for (let i = 0; i < rows.length; i++) {
      current = next(current);
      if (current === null) return false;
      if (current === start) return true;
    }
    return false;
  });
  const blocked = rows.map((r) => r.name).filter((start) => {
    let current = start;
    for (let i = 0; i <= rows.length; i++) {
      if (onCycle.includes(current)) return true;
      current = next(current);
      if (current === null) return false;
    }
    return false;
  });
  return { present: onCycle.length > 0, cycle: onCycle, blocked };
}

async function answerDeadlock(page, { present, blocked, cycle }, rows) {
  await page.check(present ? '#deadlock-yes' : '#deadlock-no');
  for (const [index, row] of rows.entries()) {
    const tick = async (prefix, chosen) => {
      const selector = `#${prefix}-${index + 1}`;
      if (!(await page.$(selector))) return;
      if (chosen.includes(row.name)) await page.check(selector); else await page.uncheck(selector);
    };
    await tick('deadlock-blocked', blocked);
    await tick('deadlock-cycle', cycle);
  }
}

test('deadlock: a set made in the builder, the graph read from the table, a wrong answer explained by the cycle, Show plays to the moment', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await page.click('#practice-builder summary');
    for (const [difficulty, seed] of [['medium', '1'], ['easy', '3']]) {
      await page.selectOption('#builder-topic', 'deadlock');
      await page.selectOption('#builder-difficulty', difficulty);
      await page.fill('#builder-seed', seed);
      await page.click('#builder-add');
    }
    assert.match((await builderList(page))[0], /^Deadlock .* · Medium .* · seed 1$/);
    await page.click('#builder-open');
    await page.waitForSelector('#deadlock-moment');
    assert.match(await page.textContent('#exercise-title'), /1 \/ 2: Deadlock/);
    assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
    const moment = await readMoment(page);
    const key = deadlockOf(moment.rows);
    // The program branches on %bx: each thread's start is given (medium: three threads).
    assert.equal(await page.textContent('#deadlock-registers'), 'Registers at the start: T1 %bx = 0, T2 %bx = 1, T3 %bx = 2.');
    // Hints draw the wait-for graph from the table, an arrow each, then follow it to the cycle.
    const hints = await allHints(page);
    const arrows = moment.rows.filter((row) => /^T\d+$/.test(row.holder));
    assert.equal(hints.length, arrows.length + 2, hints.join('\n'));
    assert.match(hints[0], new RegExp(`^1\\. Draw the wait-for graph at t=${moment.tick}:`));
    arrows.forEach((row, index) => {
      assert.equal(hints[index + 1], `${index + 2}. ${row.name} waits for ${row.waits}, held by ${row.holder}: ${row.name} → ${row.holder}.`);
    });
    assert.match(hints.at(-1), /: a cycle\.$/);
    assert.ok(key.present, `medium seed 1 deadlocks: ${JSON.stringify(moment.rows)}`);
    assert.ok(key.cycle.length >= 2);
    // Wrong: "no deadlock", with the right threads ticked.
    await answerDeadlock(page, { ...key, present: false }, moment.rows);
    await check(page);
    assert.match(await page.textContent('#deadlock-present legend'), /\? wrong/);
    assert.match(await page.textContent('#deadlock-blocked legend'), /: right/);
    assert.match(await page.textContent('#deadlock-cycle legend'), /: right/);
    // Only what to look at again shows; the worked answer is folded until asked for.
    const visible = await page.innerText('#practice-explanation');
    assert.match(visible, /^Look again at whether there is a deadlock/);
    assert.ok(!visible.includes('The waits form the cycle'), visible);
    await page.click('#practice-explanation summary');
    assert.ok((await page.innerText('#practice-explanation')).includes('The waits form the cycle'));
    const explanation = await page.textContent('#practice-explanation');
    for (const name of key.cycle) {
      const row = moment.rows.find((r) => r.name === name);
      assert.ok(explanation.includes(`${name} holds ${row.holds} and waits for ${row.waits}`), explanation);
    }
    assert.ok(explanation.includes('The waits form the cycle'), explanation);
    for (const name of key.blocked.filter((n) => !key.cycle.includes(n))) {
      assert.ok(explanation.includes(`${name} waits for`) && explanation.includes('outside the cycle'), explanation);
    }
    await screenshot(page, 'practice-deadlock-mistake-en-1280');
    // Show plays the run up to the moment asked about and stops there.
    await showInSimulator(page);
    await page.waitForFunction((value) => document.querySelector('#watch-canvas')?.dataset.tick === String(value)
      && document.querySelector('#play')?.getAttribute('data-playing') === 'false', moment.tick);
    // The machine is on screen, not below the simulator's form.
    const machine = await page.locator('#watch-title').boundingBox();
    assert.ok(machine.y >= -1 && machine.y < page.viewportSize().height / 2, `the machine's heading is at ${machine.y}`);
    await page.goBack();
    await page.waitForSelector('#deadlock-moment');
    // The fix.
    await page.check('#deadlock-yes');
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    // The second exercise, a press away: someone waits, but the holder can still run.
    await page.click('#practice-next');
    await page.waitForFunction(() => document.querySelector('#exercise-title').textContent.includes('2 / 2'));
    // Its tab says it is solved; the next one's does not yet.
    assert.equal(await page.textContent('#exercise-1'), 'Exercise 1 ✓ (solved)');
    assert.equal(await page.textContent('#exercise-2'), 'Exercise 2');
    const title = await page.locator('#exercise-title').boundingBox();
    assert.ok(title.y >= 0 && title.y < page.viewportSize().height, `the next exercise's heading is on screen at ${title.y}`);
    const second = await readMoment(page);
    const none = deadlockOf(second.rows);
    assert.ok(!none.present, JSON.stringify(second.rows));
    const waiter = second.rows.find((r) => /^T\d+$/.test(r.holder));
    assert.ok(waiter, 'a thread waits at the moment shown');
    assert.equal(await page.$('#deadlock-cycle'), null, 'the easy level does not ask for the cycle');
    await answerDeadlock(page, { present: true, blocked: [waiter.name], cycle: [] }, second.rows);
    await check(page);
    assert.match(await page.textContent('#deadlock-present legend'), /\? wrong/);
    const why = await page.textContent('#practice-explanation');
    assert.ok(why.includes(`${waiter.name} waits for ${waiter.waits}, but ${waiter.holder}, which holds it, waits for nothing and can still run`), why);
    assert.ok(why.includes('no cycle'), why);
    await answerDeadlock(page, none, second.rows);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    assert.equal(await page.locator('#practice-next').count(), 0, 'the last exercise has no next one');
  }, { ready: '#practice-title' });
});

test('deadlock at laptop and phone widths in both languages', async () => {
  await atEachView(url('/practice'), 'deadlock', async ({ page, lang, width }) => {
    await page.selectOption('#practice-topic', 'deadlock');
    await page.selectOption('#practice-difficulty', 'hard');
    await page.fill('#practice-count', '1');
    await page.fill('#practice-seed', '4');
    const before = await page.inputValue('#practice-link');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
    await page.waitForSelector('#deadlock-moment');
    await page.check('#deadlock-no');
    await page.check('#deadlock-cycle-1');
    await check(page);
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(/.test(text), text);
    if (lang === 'ko') assert.match(text, /자원 할당 그래프/);
    const table = await page.$eval('#deadlock-moment', (t) => ({ width: t.getBoundingClientRect().width, room: t.parentElement.clientWidth }));
    assert.ok(table.width <= table.room, `${lang} ${width}: the graph's table is ${table.width}px wide in ${table.room}px`);
  });
});

/** The starting values and the steps the semaphore exercise shows. */
async function readSemaphoreSteps(page) {
  const start = {};
  for (const pair of (await page.textContent('#semaphore-start code')).split(',')) {
    const [name, value] = pair.split('=').map((part) => part.trim());
    start[name] = Number(value);
  }
  const steps = await page.$$eval('#semaphore-steps tbody tr', (trs) => trs.map((tr) => {
    const [, op, name] = tr.querySelector('.call').textContent.trim().match(/^(wait|signal)\((\w+)\)$/);
    return { thread: tr.querySelector('.thread').textContent.trim(), op, name };
  }));
  return { start, steps };
}

/**
 * The answer computed here from the table alone, by the textbook's rule: wait takes 1 from a
 * positive value, or queues the thread at 0; signal wakes the first in the queue, or adds 1.
 */
function semaphoresAfter({ start, steps }) {
  const values = { ...start };
  const queues = Object.fromEntries(Object.keys(start).map((name) => [name, []]));
  for (const { thread, op, name } of steps) {
    assert.ok(!Object.values(queues).some((queue) => queue.includes(thread)), `${thread} is listed while it waits`);
    if (op === 'wait') {
      if (values[name] > 0) values[name] -= 1; else queues[name].push(thread);
    } else if (queues[name].length > 0) queues[name].shift(); else values[name] += 1;
  }
  const waitsOn = (thread) => Object.keys(queues).find((name) => queues[name].includes(thread)) ?? null;
  return { values, waitsOn };
}

/** Every choice's words fit in its list under `box` (the arrow takes about 24px of it). */
async function choicesFit(page, box, where) {
  for (const select of await page.$$(`${box} select`)) {
    const room = await select.evaluate((s) => {
      const style = getComputedStyle(s);
      const context = document.createElement('canvas').getContext('2d');
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const widest = Math.max(...[...s.options].map((o) => context.measureText(o.textContent).width));
      return s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24 - widest;
    });
    assert.ok(room >= 0, `${where}: a choice is cut by ${-room}px`);
  }
}

async function answerSemaphores(page, { values, waitsOn }, threads) {
  const names = Object.keys(values);
  for (const [index, name] of names.entries()) await page.fill(`#semaphore-value-${index + 1}`, String(values[name]));
  for (let thread = 1; thread <= threads; thread++) {
    const on = waitsOn(`T${thread}`);
    await page.selectOption(`#semaphore-wait-${thread}`, on === null ? '0' : String(names.indexOf(on) + 1));
  }
}

test('semaphores: the steps read from the table, a wrong value marked and explained step by step, fixed; Show plays to the end', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await page.selectOption('#practice-topic', 'semaphore');
    await page.selectOption('#practice-difficulty', 'hard');
    await page.fill('#practice-count', '1');
    await page.fill('#practice-seed', '2');
    const before = await page.inputValue('#practice-link');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
    await page.waitForSelector('#semaphore-steps');
    assert.match(await page.textContent('#exercise-title'), /Semaphores .*producer-consumer/);
    assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
    const shown = await readSemaphoreSteps(page);
    assert.deepEqual(Object.keys(shown.start), ['empty', 'full']);
    assert.ok(shown.steps.length >= 3);
    const threads = await page.$$eval('#semaphore-waits select', (selects) => selects.length);
    assert.equal(threads, 3);
    const key = semaphoresAfter(shown);
    // A hint retells the first step.
    await page.click('#practice-hint');
    const first = shown.steps[0];
    assert.match(await page.textContent('#practice-hints li'), new RegExp(`^1\\. ${first.thread} ${first.op}\\(${first.name}\\)`));
    // One slip: full one too high.
    await answerSemaphores(page, { ...key, values: { ...key.values, full: key.values.full + 1 } }, threads);
    await check(page);
    assert.match(await page.getAttribute('#semaphore-value-1', 'aria-label'), /: right$/);
    assert.match(await page.getAttribute('#semaphore-value-2', 'aria-label'), /: wrong$/);
    for (let thread = 1; thread <= threads; thread++) {
      assert.match(await page.getAttribute(`#semaphore-wait-${thread}`, 'aria-label'), /: right$/);
    }
    assert.match(await page.textContent('#practice-summary'), /^4 of 5 cells right/);
    const explanation = await page.textContent('#practice-explanation');
    assert.ok(explanation.startsWith(`full is ${key.values.full} after the last step.`), explanation);
    for (const [index, step] of shown.steps.entries()) {
      assert.ok(explanation.includes(`${index + 1}. ${step.thread} ${step.op}(${step.name})`), explanation);
    }
    await screenshot(page, 'practice-semaphore-mistake-en-1280');
    // Show plays the run to its end, where the question is asked.
    await showInSimulator(page);
    await page.waitForFunction(() => document.querySelector('#play')?.getAttribute('data-playing') === 'false'
      && Number(document.querySelector('#watch-canvas')?.dataset.tick) > 0);
    await page.goBack();
    await page.waitForSelector('#semaphore-steps');
    // The fix, kept through the visit to the simulator.
    assert.equal(await page.inputValue('#semaphore-value-2'), String(key.values.full + 1));
    await page.fill('#semaphore-value-2', String(key.values.full));
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
  }, { ready: '#practice-title' });
});

test('semaphores at laptop and phone widths in both languages', async () => {
  await atEachView(url('/practice'), 'semaphore', async ({ page, lang, width }) => {
    await page.selectOption('#practice-topic', 'semaphore');
    await page.selectOption('#practice-difficulty', 'medium');
    await page.fill('#practice-count', '1');
    await page.fill('#practice-seed', '4');
    const before = await page.inputValue('#practice-link');
    await page.click('#practice-new');
    await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
    await page.waitForSelector('#semaphore-steps');
    const shown = await readSemaphoreSteps(page);
    const key = semaphoresAfter(shown);
    await answerSemaphores(page, key, 3);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), lang === 'ko' ? /^모두 맞았습니다!/ : /^All correct!/);
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(|\{name\}/.test(text), text);
    if (lang === 'ko') assert.match(text, /세마포어/);
    await choicesFit(page, '#semaphore-waits', `${lang} ${width}`);
  });
});

/** The pipe's size and the steps the pipe exercise shows. */
async function readPipeSteps(page) {
  const size = Number((await page.textContent('#pipe-start')).match(/(\d+)/)[1]);
  const steps = await page.$$eval('#pipe-steps tbody tr', (trs) => trs.map((tr) => {
    const [, op, byte] = tr.querySelector('.call').textContent.trim().match(/^(write|read|close)\(p(?:, (\d+))?\)$/);
    return { process: tr.querySelector('.process').textContent.trim(), op, byte: byte === undefined ? null : Number(byte) };
  }));
  const processes = await page.$$eval('#pipe-waits label', (labels) => labels.map((label) => label.textContent.trim()));
  return { size, steps, processes };
}

/**
 * The answer computed here from the table alone, by the rule of a pipe: a write hands its byte to
 * the first waiting reader, else puts it in if there is room, else waits holding it; a read takes
 * the oldest byte and lets the first waiting writer's byte in, else waits while a write end is
 * open, else gets end-of-file; the last close on an empty pipe gives the waiting readers
 * end-of-file.
 */
function pipeAfter({ size, steps, processes }) {
  const held = [];
  const writers = [];
  let readers = [];
  let open = new Set(steps.filter((step) => step.op === 'write').map((step) => step.process)).size;
  for (const { process, op, byte } of steps) {
    assert.ok(!writers.some((writer) => writer.process === process) && !readers.includes(process), `${process} is listed while it waits`);
    if (op === 'write') {
      if (readers.length > 0) readers.shift();
      else if (held.length < size) held.push(byte);
      else writers.push({ process, byte });
    } else if (op === 'read') {
      if (held.length > 0) {
        held.shift();
        if (writers.length > 0) held.push(writers.shift().byte);
      } else if (open > 0) readers.push(process);
    } else {
      open -= 1;
      if (open === 0 && held.length === 0) readers = [];
    }
  }
  const waits = processes.map((process) => writers.some((writer) => writer.process === process) ? 1 : readers.includes(process) ? 2 : 0);
  return { held, waits };
}

async function answerPipe(page, { held, waits }) {
  await page.fill('#pipe-held', held.length === 0 ? '-' : held.join(' '));
  for (const [index, wait] of waits.entries()) await page.selectOption(`#pipe-wait-${index + 1}`, String(wait));
}

async function newPipeSet(page, difficulty, seed) {
  await page.selectOption('#practice-topic', 'pipe');
  await page.selectOption('#practice-difficulty', difficulty);
  await page.fill('#practice-count', '1');
  await page.fill('#practice-seed', String(seed));
  const before = await page.inputValue('#practice-link');
  await page.click('#practice-new');
  await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
  await page.waitForSelector('#pipe-steps');
}

test('a pipe: the steps read from the table, a wrong list of bytes marked and explained, fixed; every level agrees with the rule', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await newPipeSet(page, 'medium', 4);
    assert.match(await page.textContent('#exercise-title'), /Pipe \(IPC.*two writers, a reader/);
    assert.equal(await page.$('#gantt-title'), null, 'no Gantt chart here');
    const shown = await readPipeSteps(page);
    assert.deepEqual(shown.processes, ['W1', 'W2', 'R']);
    assert.ok(shown.steps.length >= 3);
    const key = pipeAfter(shown);
    // A hint retells the first step.
    await page.click('#practice-hint');
    const first = shown.steps[0];
    assert.match(await page.textContent('#practice-hints li'), new RegExp(`^1\\. ${first.process} ${first.op}\\(p`));
    // One slip: a byte too many in the pipe.
    await answerPipe(page, { ...key, held: [...key.held, 9] });
    await check(page);
    assert.match(await page.getAttribute('#pipe-held', 'aria-label'), /: wrong$/);
    for (let process = 1; process <= 3; process++) {
      assert.match(await page.getAttribute(`#pipe-wait-${process}`, 'aria-label'), /: right$/);
    }
    assert.match(await page.textContent('#practice-summary'), /^3 of 4 cells right/);
    const explanation = await page.textContent('#practice-explanation');
    const now = key.held.length === 0 ? 'p is empty' : `p holds ${key.held.join(', ')}`;
    assert.ok(explanation.startsWith(`After the last step ${now}${key.held.length > 1 ? ' (oldest first)' : ''}.`), explanation);
    // The byte typed too many is accounted for.
    assert.match(explanation, /9 (was read by|went straight to|is not in yet|was never written)/);
    for (const [index, step] of shown.steps.entries()) {
      assert.ok(explanation.includes(`${index + 1}. ${step.process} ${step.op}(p`), explanation);
    }
    await screenshot(page, 'practice-pipe-mistake-en-1280');
    // Unreadable bytes are said so, with what to type.
    await page.fill('#pipe-held', 'five');
    await check(page);
    assert.match(await page.textContent('#pipe-error'), /oldest first, with spaces between/);
    // The fix.
    await answerPipe(page, key);
    await check(page);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    // Every level and several seeds: the page's key is the rule's, computed here from the table.
    for (const [difficulty, seed] of [['easy', 1], ['easy', 2], ['hard', 0], ['hard', 2], ['hard', 5]]) {
      await newPipeSet(page, difficulty, seed);
      const steps = await readPipeSteps(page);
      await answerPipe(page, pipeAfter(steps));
      await check(page);
      assert.match(await page.textContent('#practice-summary'), /^All correct!/, `${difficulty} seed ${seed}`);
    }
  }, { ready: '#practice-title' });
});

test('a pipe at laptop and phone widths in both languages, and from the IPC Learn page', async () => {
  await atEachView(url('/practice'), 'pipe', async ({ page, lang, width }) => {
    await newPipeSet(page, 'hard', 3);
    const shown = await readPipeSteps(page);
    await answerPipe(page, pipeAfter(shown));
    await check(page);
    assert.match(await page.textContent('#practice-summary'), lang === 'ko' ? /^모두 맞았습니다!/ : /^All correct!/);
    const text = await page.textContent('main.practice');
    assert.ok(!/undefined|NaN|\[object|Some\(|\{name\}/.test(text), text);
    if (lang === 'ko') assert.match(text, /파이프/);
    await choicesFit(page, '#pipe-waits', `${lang} ${width}`);
  });
  // The IPC page's "Practise it" opens pipe exercises.
  await onFreshPage(url('/learn/ipc'), async ({ page }) => {
    await page.click('#practise-it-title ~ ul a[data-topic="pipe"]');
    await page.waitForSelector('#pipe-steps');
    assert.match(await page.textContent('#exercise-title'), /1 \/ 3: Pipe/);
  }, { ready: '#practise-it-title' });
});

test("a workload of one's own: opened from the simulator as an exercise, answered, checked and shared; a workload it cannot ask says why", async () => {
  let link;
  let workload;
  await onFreshPage(url('/'), async ({ page }) => {
    await page.selectOption('#preset-select', 'srtf-vs-sjf');
    await page.waitForSelector('#practise-workload');
    await page.click('#practise-workload');
    await page.waitForSelector('#practice-workload');
    assert.match(await page.textContent("#exercise-title"), /1 \/ 1: SRTF \(shortest remaining time first\) · your own workload/);
    assert.equal(await page.$('#practice-from-link'), null, 'a set of ones own is not from a link');
    // It opens with the exercise's heading focused and in view (a screen reader starts there).
    await page.waitForFunction(() => document.activeElement?.id === 'exercise-title');
    const heading = await page.evaluate(() => [document.querySelector('#exercise-title').getBoundingClientRect().top, window.innerHeight]);
    assert.ok(heading[0] >= 0 && heading[0] < heading[1], `the heading is ${heading[0]} px down a window ${heading[1]} px high`);
    const processes = await readWorkload(page);
    workload = processes;
    // Silberschatz's SRTF workload, as the simulator had it.
    assert.deepEqual(processes.map((p) => [p.name, p.arrival, p.burst]), [['P1', 0, 8], ['P2', 1, 4], ['P3', 2, 9], ['P4', 3, 5]]);
    const answer = await answerAllRight(page, processes, 'srtf');
    // The textbook's average waiting, 6.5, is what was typed and marked right.
    assert.equal(answer.averages[1], '26/4');
    link = await page.inputValue('#practice-link');
    assert.match(link, /#\/practice\?set=[A-Za-z0-9_-]+&lang=en$/);
    // Over to the simulator and back by the header's tabs: the same exercise, its answers marked.
    await page.click('.main-nav a:nth-child(1)');
    await page.waitForSelector('#policy-kind');
    await page.click('.main-nav a:nth-child(3)');
    await page.waitForSelector('#practice-summary');
    assert.match(await page.textContent('#exercise-title'), /your own workload/);
    assert.match(await page.textContent('#practice-summary'), /^All correct!/);
    assert.equal(await page.inputValue('#practice-link'), link);
    // Back in the simulator, a field that cannot be read: no exercise of the last valid run.
    await page.click('.main-nav a:nth-child(1)');
    await page.waitForSelector('#p0-arrival');
    await page.fill('#p0-arrival', 'x');
    await page.waitForFunction(() => /Fix the workload's problems first/.test(document.querySelector('#practise-workload-why')?.textContent ?? ''));
    assert.equal(await page.$('#practise-workload'), null);
    await page.fill('#p0-arrival', '0');
    await page.waitForSelector('#practise-workload');
    // MLFQ cannot be a chart exercise: the section says why, with no link.
    await page.waitForSelector('#policy-kind');
    await page.selectOption('#policy-kind', 'mlfq');
    await page.waitForSelector('#practise-workload-why');
    assert.match(await page.textContent('#practise-workload-why'), /takes FCFS, SJF, SRTF, Priority, RR or HRRN: pick one of those policies\. \(MLFQ has its own topic in Practice/);
    assert.equal(await page.$('#practise-workload'), null);
    await screenshot(page, 'practice-own-refused-en-1280');
  });
  // Another student's fresh profile opens the same exercise from the link; the link without
  // its language (as links were made before they carried it) opens in the browser's, Korean.
  await onFreshPage(link.replace(/&lang=en$/, ''), async ({ page }) => {
    assert.match(await page.textContent("#exercise-title"), /1 \/ 1: SRTF \(최단 잔여 시간 우선\) · 직접 만든 작업 부하/);
    assert.deepEqual(await readWorkload(page), workload);
    assert.equal(await page.$('#segment-end-1'), null, 'a fresh profile starts with no answers');
    await screenshot(page, 'practice-own-ko-1280');
  }, { ready: '#practice-workload', locale: 'ko-KR' });
});

test('once all is right, the hints used fold away under the verdict', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'fcfs', seed: 11, count: 1 });
    await page.click('#practice-hint');
    await page.waitForSelector('#practice-hints li');
    assert.equal(await page.$eval('.practice-hints', (element) => element.tagName), 'SECTION', 'open while the answer is being worked');
    await answerAllRight(page, await readWorkload(page), 'fcfs');
    const folded = await page.$eval('.practice-hints', (element) => ({ tag: element.tagName, open: element.open, summary: element.querySelector('summary')?.textContent }));
    assert.deepEqual(folded, { tag: 'DETAILS', open: false, summary: 'Hints (1)' });
  }, { ready: '#practice-title' });
});

test("a mixed set's link leaves the new-set form as a new page has it, not as four of its first exercise", async () => {
  let link;
  await onFreshPage(url('/practice'), async ({ page }) => {
    await page.click('#practice-builder summary');
    for (const [topic, difficulty] of [['rr', 'hard'], ['sjf', 'medium']]) {
      await page.selectOption('#builder-topic', topic);
      await page.selectOption('#builder-difficulty', difficulty);
      await page.click('#builder-add');
    }
    await page.waitForFunction(() => document.querySelectorAll('#builder-list li').length === 2);
    link = await page.inputValue('#builder-link');
  }, { ready: '#practice-title' });
  await onFreshPage(link, async ({ page }) => {
    assert.match(await page.textContent('#exercise-title'), /1 \/ 2: Round robin/);
    const form = async () => [await page.inputValue('#practice-topic'), await page.inputValue('#practice-difficulty'), await page.inputValue('#practice-count')];
    assert.deepEqual(await form(), ['fcfs', 'easy', '3']);
  }, { ready: '#practice-workload' });
  // A set of one topic and difficulty fills the form with them.
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'srtf', seed: 4, count: 2, difficulty: 'hard' });
    link = await page.inputValue('#practice-link');
  }, { ready: '#practice-title' });
  await onFreshPage(link, async ({ page }) => {
    assert.deepEqual([await page.inputValue('#practice-topic'), await page.inputValue('#practice-difficulty'), await page.inputValue('#practice-count')], ['srtf', 'hard', '2']);
  }, { ready: '#practice-workload' });
});

test('a Check with nothing filled in says so once, a half-filled answer counts its empty cells, and a full-width seed opens the set it names', async () => {
  await onFreshPage(url('/practice'), async ({ page }) => {
    await openSet(page, { topic: 'rr', difficulty: 'hard', seed: 42 });
    const link = await page.inputValue('#practice-link');
    // A hard exercise has I/O, as its level promises (seed 42 drew none before).
    const bursts = await page.$$eval('#practice-workload tbody .bursts', (cells) => cells.map((cell) => cell.textContent));
    assert.ok(bursts.some((text) => /I\/O|io/i.test(text)), bursts.join(' | '));
    await check(page);
    assert.equal((await page.textContent('#practice-summary')).trim(), 'Nothing is filled in yet: write your answers, then press Check.');
    assert.equal(await page.locator('#practice-explanation').count(), 0, 'no second message saying the same');
    await page.fill('#cell-p1-0', '5');
    await check(page);
    const summary = await page.textContent('#practice-summary');
    const [, right, total] = summary.match(/^(\d+) of (\d+) cells right\./);
    const empty = Number(summary.match(/ (\d+) cells are empty\.$/)[1]);
    assert.ok(Number(right) <= 1 && empty === Number(total) - 1, summary);
    // Another set, then the same seed typed on a Korean keyboard: the first set again.
    await openSet(page, { topic: 'rr', difficulty: 'hard', seed: 7 });
    assert.notEqual(await page.inputValue('#practice-link'), link);
    await openSet(page, { topic: 'rr', difficulty: 'hard', seed: '４２' });
    assert.equal(await page.inputValue('#practice-link'), link);
  }, { ready: '#practice-title' });
});

test("one workload under every policy: one link gives a class the textbook's problem under FCFS, SJF, SRTF, RR and HRRN, answered and checked", async () => {
  let link;
  await onFreshPage(url('/'), async ({ page }) => {
    await page.selectOption('#preset-select', 'srtf-vs-sjf');
    await page.waitForSelector('#practise-every-policy');
    assert.equal((await page.textContent('#practise-every-policy')).trim(), 'Open as a set, one exercise per policy (5)');
    await page.click('#practise-every-policy');
    await page.waitForSelector('#practice-workload');
    const titles = [];
    for (let index = 0; index < 5; index += 1) {
      titles.push((await page.textContent('#exercise-title')).replace(/^Exercise \d \/ 5: /, '').split(' (')[0].split(' · ')[0]);
      assert.deepEqual((await readWorkload(page)).map((p) => [p.name, p.arrival, p.burst]), [['P1', 0, 8], ['P2', 1, 4], ['P3', 2, 9], ['P4', 3, 5]]);
      if (index < 4) {
        await page.click(`#exercise-${index + 2}`);
        await page.waitForFunction((number) => document.querySelector('#exercise-title')?.textContent.startsWith(`Exercise ${number} / 5`), index + 2);
      }
    }
    assert.deepEqual(titles, ['FCFS', 'SJF', 'SRTF', 'Round robin', 'HRRN']);
    // The SRTF one is graded against SRTF's run: Silberschatz's 6.5.
    await page.click('#exercise-3');
    await page.waitForFunction(() => document.querySelector('#exercise-title')?.textContent.startsWith('Exercise 3 / 5'));
    const answer = await answerAllRight(page, await readWorkload(page), 'srtf');
    assert.equal(answer.averages[1], '26/4');
    link = await page.inputValue('#practice-link');
  });
  await onFreshPage(link, async ({ page }) => {
    assert.match(await page.textContent('#exercise-title'), /^Exercise 1 \/ 5: FCFS/);
  }, { ready: '#practice-workload' });
});

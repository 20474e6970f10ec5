// Watching the machine run, in a real Chromium: scrubbing and stepping show exactly the core's
// machine state for the tick (checked against the native CLI's `proclab state`), the keyboard
// drives playback, the canvas repaints, the Gantt cursor follows, and screenshots of a context
// switch and of a cache refill are saved under target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ROOT, ARTIFACTS, startServer, openBrowser, openPage, scratchDirectory } from './harness.mjs';
import { onFreshPage, scrubTo } from './page-helpers.mjs';

const exec = promisify(execFile);

// I/O, a switch cost and a cache, so every part of the view has something to show.
const SCENARIO = {
  version: 1,
  processes: [
    { name: 'P1', arrival: 0, bursts: [{ cpu: 5 }, { io: 3 }, { cpu: 4 }] },
    { name: 'P2', arrival: 1, bursts: [{ cpu: 6 }] },
    { name: 'P3', arrival: 2, bursts: [{ cpu: 3 }, { io: 2 }, { cpu: 2 }], working_set: 6 },
  ],
  policy: { kind: 'rr', quantum: 2 },
  machine: { cpus: 1, dispatch_latency: 1, cache: { enabled: true, capacity: 8, refill_per_unit: 1 } },
};

let server;
let file;
let run;

async function cli(...args) {
  const { stdout } = await exec('cargo', ['run', '-q', '-p', 'proclab-cli', '--', ...args], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout);
}

const label = (state, thread) => state.processes[thread.pid].name;

before(async () => {
  server = await startServer();
  const directory = await scratchDirectory('proclab-watch-');
  file = join(directory, 'scenario.json');
  await writeFile(file, JSON.stringify(SCENARIO));
  run = await cli('run', file, '--format', 'json', '--events');
});
after(async () => { await server.close(); });

async function openScenario(locale = 'en-US') {
  const context = await openBrowser({ locale, viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await openPage(context, server.url);
  await page.waitForSelector('#app-title');
  await page.setInputFiles('#upload-json', file);
  await page.waitForSelector('#watch-canvas');
  return { context, page, problems };
}

const clock = async (page) => Number((await page.textContent('#clock')).match(/t = (\d+)/)[1]);

async function pcbField(page, field) {
  return (await page.textContent(`#pcb-table tr[data-field="${field}"] td`)).trim();
}

test('scrubbing shows the core state of every tick: CPU, queue order, I/O and PCB fields', async () => {
  const { context, page, problems } = await openScenario();
  try {
    assert.equal(Number(await page.getAttribute('#scrub', 'max')), run.end_tick);
    for (let tick = 0; tick <= run.end_tick; tick += 1) {
      await scrubTo(page, tick, { painted: true });
      const state = await cli('state', file, '--tick', String(tick));
      assert.equal(await clock(page), tick);
      // Each queued thread with the slice a preemption left it (round robin), as the core says.
      const sliceLeft = (thread) => state.threads.find((tcb) => tcb.thread.pid === thread.pid && tcb.thread.tid === thread.tid).quantum_left;
      const queue = state.ready[0].map((thread) => (sliceLeft(thread) > 0 ? `${label(state, thread)} (q${sliceLeft(thread)})` : label(state, thread)));
      const shownQueue = (await page.textContent('#ready-0')).split(':')[1].trim();
      assert.equal(shownQueue, queue.length ? queue.join(' → ') : '—', `queue at t=${tick}`);
      const io = state.blocked.map((entry) => `${label(state, entry.thread)} (${entry.io_left})`);
      assert.equal((await page.textContent('#io-now')).split(':')[1].trim(), io.length ? io.join(', ') : '—', `I/O at t=${tick}`);
      const activity = state.cpus[0].activity;
      const cpuText = await page.textContent('#cpu-0');
      if (activity === 'Idle') assert.match(cpuText, /idle/, `t=${tick}`);
      else {
        const thread = Object.values(activity)[0].thread;
        assert.ok(cpuText.includes(label(state, thread)), `t=${tick}: ${cpuText} should name ${label(state, thread)}`);
      }
      for (const tcb of state.threads) {
        await page.selectOption('#inspect-select', `${tcb.thread.pid}.${tcb.thread.tid}`);
        assert.match(await pcbField(page, 'State'), new RegExp(tcb.state), `P${tcb.thread.pid + 1} state at t=${tick}`);
        assert.equal(await pcbField(page, 'Program counter'), `${tcb.program_counter} / ${tcb.burst_length} (burst ${tcb.burst + 1}: ${tcb.burst % 2 === 0 ? 'CPU' : 'I/O'})`);
        // Bursts run no instructions: the core keeps no register values for them, and the PCB
        // makes none up (it had shown hashed values as if they were registers).
        assert.equal(tcb.registers, undefined);
        assert.match(await pcbField(page, 'Registers'), /^— \(a process given as bursts runs no instructions/);
        assert.equal(await pcbField(page, 'CPU used'), String(tcb.cpu_used));
        assert.equal(await pcbField(page, 'Quantum left'), tcb.quantum_left === null ? '—' : String(tcb.quantum_left));
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('with switch and refill ticks the metrics say that waiting leaves them out, as the core counts it, and the working sets the cache reads are shown', async () => {
  const { context, page, problems } = await openScenario();
  try {
    await page.waitForSelector('#waiting-note');
    assert.match(await page.textContent('#waiting-note'), /^Waiting counts only the ticks spent Ready/);
    // The core's numbers bear it out: turnaround − CPU − I/O is waiting + switch + stall.
    for (const process of run.metrics.processes) {
      assert.equal(process.turnaround - process.cpu - process.io, process.waiting + process.switch + process.stall, process.name);
    }
    assert.ok(run.metrics.processes.some((process) => process.switch + process.stall > 0));
    // The cache model reads the working sets: their column stays shown, and says why.
    assert.ok(await page.isChecked('#advanced-columns'));
    assert.ok(await page.isDisabled('#advanced-columns'));
    assert.match(await page.textContent('#advanced-forced'), /^The cache model reads each process's working set/);
    assert.equal(await page.inputValue('#p2-ws'), '6');
    // A run without such ticks has no such note.
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await page.waitForFunction(() => !document.querySelector('#waiting-note'));
    await page.click('#lang-ko');
    await page.selectOption('#preset-select', 'switch-processes');
    await page.waitForSelector('#waiting-note');
    assert.match(await page.textContent('#waiting-note'), /^대기는 준비 상태에 있던 틱만 셉니다/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('buttons and keyboard step by tick and by event, play and pause', async () => {
  const { context, page, problems } = await openScenario();
  try {
    const eventTicks = [...new Set(run.events.map((event) => event.tick))];
    await page.click('#to-start');
    assert.equal(await clock(page), 0);
    await page.click('#event-forward');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 0));
    await page.click('#tick-forward');
    await page.click('#tick-back');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 0));
    await page.click('#to-end');
    assert.equal(await clock(page), run.end_tick);

    await page.focus('.watch');
    await page.keyboard.press('Home');
    assert.equal(await clock(page), 0);
    await page.keyboard.press('ArrowRight');
    assert.equal(await clock(page), 1);
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 1));
    await page.keyboard.press('Shift+ArrowLeft');
    assert.equal(await clock(page), Math.max(...eventTicks.filter((tick) => tick < eventTicks.find((t) => t > 1))));
    await page.keyboard.press('End');
    assert.equal(await clock(page), run.end_tick);
    await page.keyboard.press('Home');
    await page.selectOption('#speed', '6');
    await page.focus('.watch');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'true');
    await page.waitForFunction(() => Number(document.querySelector('#watch-canvas').dataset.tick) >= 3);
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'false');
    const stopped = await clock(page);
    await page.waitForTimeout(400);
    assert.equal(await clock(page), stopped, 'paused playback stays put');
    // On the time slider the same keys: Shift+arrow steps an event, Space plays and pauses.
    await page.focus('#scrub');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 1), 'an event, not a tick');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'true');
    await page.keyboard.press('Space');
    assert.equal(await page.getAttribute('#play', 'data-playing'), 'false');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scrub');
    // After a click on a playback button (the focus stays on it) the arrows still step; Space
    // and Enter are the button's own.
    await page.keyboard.press('Home');
    await page.click('#tick-forward');
    assert.equal(await clock(page), 1);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'tick-forward');
    await page.keyboard.press('ArrowRight');
    assert.equal(await clock(page), 2, 'ArrowRight steps from the button');
    await page.keyboard.press('Shift+ArrowRight');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 2), 'Shift+ArrowRight steps an event');
    await page.keyboard.press('Enter');
    assert.equal(await clock(page), eventTicks.find((tick) => tick > 2) + 1, 'Enter presses the button: one tick');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the canvas repaints, the Gantt cursor follows, a Gantt click jumps, the log narrates', async () => {
  const { context, page, problems } = await openScenario();
  try {
    const pixels = () => page.evaluate(() => document.querySelector('#watch-canvas').toDataURL());
    await scrubTo(page, 0, { painted: true });
    const first = await pixels();
    await scrubTo(page, 7, { painted: true });
    const later = await pixels();
    assert.notEqual(first, later, 'a different tick paints a different picture');
    await scrubTo(page, 0, { painted: true });
    assert.equal(await pixels(), first, 'the same tick paints the same picture');
    assert.equal(await page.getAttribute('#watch-canvas', 'role'), 'img');
    assert.match(await page.getAttribute('#watch-canvas', 'aria-label'), /t=0/);

    await scrubTo(page, 9, { painted: true });
    assert.equal(await page.getAttribute('.gantt-cursor', 'data-tick'), '9');
    const box = await page.locator('#gantt-canvas').boundingBox();
    const cursorLeft = await page.evaluate(() => parseFloat(document.querySelector('.gantt-cursor').style.left));
    await page.mouse.click(box.x + cursorLeft + 40, box.y + box.height / 2);
    const jumped = await clock(page);
    assert.ok(jumped > 9, `a click right of the cursor jumps later (to ${jumped})`);

    const busy = run.events.find((event) => event.tick > 0).tick;
    await scrubTo(page, busy, { painted: true });
    const log = await page.textContent('#event-log');
    assert.match(log, /t=0: /, 'earlier events stay in the log');
    assert.match(await page.textContent('#narration'), new RegExp(`t=${busy}: `), 'this tick is announced');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('screenshots: a context switch and a cache refill, in both languages', async () => {
  for (const locale of ['en-US', 'ko-KR']) {
    const { context, page, problems } = await openScenario(locale);
    try {
      const tag = locale.slice(0, 2);
      const dispatch = run.events.find((event) => event.tick > 0 && event.cause.Dispatched && event.cause.Dispatched.saved);
      await scrubTo(page, dispatch.tick - 1, { painted: true });
      await page.click('#event-forward');
      await page.waitForFunction(() => Number(document.querySelector('#watch-canvas').dataset.progress) >= 300);
      await page.locator('.watch').screenshot({ path: await screenshotPath(page, `watch-switch-${tag}`) });
      const stall = run.gantt.find((slice) => slice.kind.CacheStall);
      assert.ok(stall, 'the scenario has a cache stall');
      await scrubTo(page, stall.start + 1, { painted: true });
      assert.match(await page.textContent('#cpu-0'), locale === 'en-US' ? /Cache refill/ : /캐시/);
      await page.locator('.watch').screenshot({ path: await screenshotPath(page, `watch-refill-${tag}`) });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

async function screenshotPath(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}

test('the Gantt chart is drawn as soon as results appear, and its PNG is not blank', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await page.waitForSelector('#gantt-canvas');
    await page.waitForFunction(() => document.querySelector('#gantt-canvas').width > 300);
    const inked = await page.evaluate(() => {
      const canvas = document.querySelector('#gantt-canvas');
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        if (pixels[index] < 200 || pixels[index + 1] < 200 || pixels[index + 2] < 200) coloured += 1;
      }
      return coloured;
    });
    assert.ok(inked > 2000, `the chart has ink (${inked} coloured pixels)`);
  });
});

test('playback keys work from anywhere on the page but not while typing', async () => {
  const { context, page, problems } = await openScenario();
  try {
    await scrubTo(page, 0, { painted: true });
    await page.click('#metrics-title');
    await page.keyboard.press('ArrowRight');
    assert.equal(await clock(page), 1, 'an arrow key outside the watch view steps');
    await page.focus('#p0-name');
    await page.keyboard.press('End');
    assert.equal(await clock(page), 1, 'End inside a text field moves the caret, not playback');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the event log reads cause before effect within a tick, newest tick first', async () => {
  const { context, page, problems } = await openScenario();
  try {
    // A tick where a thread leaves the CPU and the dispatcher then loads the next one.
    const switchTick = run.events.find((event) => event.cause.Dispatched && event.cause.Dispatched.saved).tick;
    const recorded = run.events.filter((event) => event.tick === switchTick);
    assert.ok(!recorded[0].cause.Dispatched, 'the engine records the cause first');
    await scrubTo(page, switchTick, { painted: true });
    const lines = await page.$$eval(`#event-log li[data-tick="${switchTick}"]`, (items) => items.map((item) => item.textContent));
    assert.equal(lines.length, recorded.length, 'every event of the tick is in the log');
    const timer = lines.findIndex((line) => /Timer interrupt/.test(line));
    const dispatch = lines.findIndex((line) => /save .* into its PCB/.test(line));
    assert.ok(timer >= 0 && dispatch >= 0, lines.join(' | '));
    assert.ok(timer < dispatch, `the timer interrupt (line ${timer}) comes before the dispatch it causes (line ${dispatch})`);
    const ticks = await page.$$eval('#event-log li[data-tick]', (items) => items.map((item) => Number(item.dataset.tick)));
    assert.deepEqual(ticks, [...ticks].sort((a, b) => b - a), 'newest tick first');
    assert.match(await page.textContent('#log-title'), /newest tick first; within a tick, in the order it happened/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('presentation mode: the machine fills the screen, keys still play, Escape or the button leaves', async () => {
  for (const locale of ['en-US', 'ko-KR']) {
    const { context, page, problems } = await openScenario(locale);
    try {
      await scrubTo(page, 0, { painted: true });
      const before = await page.locator('#watch-canvas').boundingBox();
      await page.click('#present');
      await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
      await page.waitForFunction((width) => document.querySelector('#watch-canvas').getBoundingClientRect().width > width, before.width);
      const during = await page.locator('#watch-canvas').boundingBox();
      const viewport = page.viewportSize();
      assert.ok(during.width > before.width, `canvas grows from ${before.width} to ${during.width}`);
      assert.ok(during.width >= viewport.width - 40, 'the canvas spans the screen');
      const section = await page.locator('.watch').boundingBox();
      assert.ok(section.x <= 0.5 && section.y <= 0.5 && section.width >= viewport.width - 1, 'the section covers the viewport');
      // The whole picture is on the screen, under the buttons and the narration.
      const picture = await page.locator('#watch-canvas').boundingBox();
      assert.ok(picture.y >= 0 && picture.y + picture.height <= viewport.height + 1, `the picture spans ${picture.y}-${picture.y + picture.height} of ${viewport.height} px`);
      // Texts for a projector: the scene laid out narrower and drawn larger where its texts
      // would not grow enough with its width; back to their own size after.
      const text = Number(await page.getAttribute('#watch-canvas', 'data-text'));
      // (16.8 px here when a box over 1,400 px was not magnified.)
      assert.ok(text >= 20, `the presented picture's smallest text is ${text} px`);
      assert.equal(await page.getAttribute('#present', 'aria-pressed'), 'true');
      assert.match(await page.textContent('#present'), locale === 'en-US' ? /Leave presentation/ : /발표 모드 끝내기/);
      await page.keyboard.press('ArrowRight');
      assert.equal(await clock(page), 1, 'playback keys work while presenting');
      // The run's Gantt chart under the picture: its cursor at the tick shown, larger than the
      // results' chart, and a click on it moves playback there.
      await page.waitForFunction(() => document.querySelector('#present-gantt-canvas + .gantt-cursor')?.dataset.tick === '1');
      const presented = await page.locator('#present-gantt-canvas').boundingBox();
      const results = await page.evaluate(() => document.querySelector('#gantt-canvas').getBoundingClientRect().height);
      assert.ok(presented.height > results * 1.2, `the presented chart is ${presented.height} px high, the results' ${results}`);
      // Its button brings it up, and the leave button stays in view over it (at 960 px and up).
      await page.click('#present-to-gantt');
      await page.waitForFunction(() => document.querySelector('#present-gantt').getBoundingClientRect().top < innerHeight / 2);
      const leave = await page.locator('#present').boundingBox();
      assert.ok(leave.y >= 0 && leave.y < 60, `the leave button is at ${leave.y} px`);
      const chart = await page.locator('#present-gantt-canvas').boundingBox();
      await page.mouse.click(chart.x + chart.width * 0.9, chart.y + chart.height * 0.3);
      await page.waitForFunction(() => Number(document.querySelector('#clock').textContent.match(/t = (\d+)/)[1]) > 1);
      // A presenter's clicker (Page Down, Page Up) steps an event, not the page's scroll.
      await page.keyboard.press('Home');
      await page.keyboard.press('PageDown');
      const clicked = await clock(page);
      assert.ok(clicked > 0, `Page Down stepped to ${clicked}`);
      await page.keyboard.press('PageUp');
      assert.ok(await clock(page) < clicked);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      assert.equal(await clock(page), 1);
      await page.locator('#watch-canvas').scrollIntoViewIfNeeded();
      // The log is hidden full screen: this tick's sentences stand above the picture, as the log
      // has them, and go with the tick.
      const caption = async () => page.$$eval('#present-caption p', (lines) => lines.map((line) => line.textContent));
      const logged = async () => page.$$eval('#event-log li.now', (lines) => lines.map((line) => line.textContent));
      await page.click('#event-forward');
      const at = await clock(page);
      assert.ok(at > 1, `the next event is after tick 1, at ${at}`);
      const now = await logged();
      assert.ok(now.length > 0 && now.every((line) => line.startsWith(`t=${at}:`)), now.join(' | '));
      assert.deepEqual(await caption(), now);
      // Up to five lines fit the caption's room whole (a fourth had hidden behind the picture).
      if (now.length <= 5) {
        assert.ok(await page.$eval('#present-caption', (box) => box.scrollHeight <= box.clientHeight + 1), `${now.length} lines fit`);
      }
      const captionBox = await page.locator('#present-caption').boundingBox();
      const canvasBox = await page.locator('#watch-canvas').boundingBox();
      assert.ok(captionBox.y + captionBox.height <= canvasBox.y + 1 && captionBox.y < viewport.height, 'the caption is on screen, above the picture');
      await page.screenshot({ path: await screenshotPath(page, `watch-present-${locale.slice(0, 2)}`) });
      // A 1920 x 1080 projector: texts at least 23 px (17.7 px when the scene was laid out at
      // its full width), the whole picture still on the screen.
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.waitForFunction(() => Number(document.querySelector('#watch-canvas').dataset.text) >= 23);
      const projected = await page.locator('#watch-canvas').boundingBox();
      assert.ok(projected.y + projected.height <= 1080 + 1, `the picture spans ${projected.y}-${projected.y + projected.height} of 1080 px`);
      await page.setViewportSize(viewport);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.querySelector('.watch').classList.contains('presenting'));
      await page.waitForFunction((width) => document.querySelector('#watch-canvas').getBoundingClientRect().width <= width + 1, before.width);
      assert.equal(await page.evaluate(() => document.fullscreenElement), null, 'Escape leaves full screen');
      const plain = Math.max(1, (await page.locator('#watch-canvas').boundingBox()).width / 1000) * 12;
      assert.equal(Number(await page.getAttribute('#watch-canvas', 'data-text')), Number(plain.toFixed(1)));
      // The button leaves too.
      await page.click('#present');
      await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
      await page.click('#present');
      await page.waitForFunction(() => !document.querySelector('.watch').classList.contains('presenting'));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('the legend lists only the marks the run can show: q under slicing policies, a under MLFQ, waits for a mutex where there are mutexes, for a pipe where there are pipes', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    const legend = async (preset) => {
      await page.selectOption('#preset-select', preset);
      await page.waitForSelector('#watch-legend li');
      return page.$$eval('#watch-legend li', (items) => items.map((item) => item.textContent.split(':')[0]));
    };
    const fcfs = await legend('fcfs-convoy');
    assert.ok(!fcfs.includes('q3') && !fcfs.includes('a0'), fcfs.join(' | '));
    const rr = await legend('rr-silberschatz');
    assert.ok(rr.includes('q3') && !rr.includes('a0'), rr.join(' | '));
    const mlfq = await legend('mlfq-ostep-short-job');
    assert.ok(mlfq.includes('q3') && mlfq.includes('a0'), mlfq.join(' | '));
    const wait = 'P1.T2 → a (P1.T1)';
    assert.ok(!fcfs.includes(wait) && !mlfq.includes(wait), fcfs.join(' | '));
    await page.selectOption('#preset-select', 'deadlock-two-locks');
    await page.waitForFunction((entry) => [...document.querySelectorAll('#watch-legend li')]
      .some((item) => item.textContent.startsWith(entry)), wait);
    // A wait on a pipe or queue, with its places, only where there are channels.
    const channel = 'P2 → c [· ·]';
    assert.ok(!(await legend('deadlock-two-locks')).includes(channel));
    assert.ok((await legend('pipe-writer-reader')).includes(channel));
    // What the policy picks by: the burst left under SJF and SRTF, the prediction under SJF
    // with exponential averaging, the priority number under priority scheduling.
    const marks = ['q3', 'r3', 'τ4.5', 'p2', 'R8/3'];
    const shown = (entries) => marks.filter((mark) => entries.includes(mark)).join(' ');
    assert.equal(shown(fcfs), '');
    assert.equal(shown(rr), 'q3');
    assert.equal(shown(await legend('srtf-vs-sjf')), 'r3');
    assert.equal(shown(await legend('sjf-vs-srtf')), 'r3');
    assert.equal(shown(await legend('sjf-predicted')), 'τ4.5');
    assert.equal(shown(await legend('priority-aging')), 'p2');
    assert.equal(shown(await legend('hrrn')), 'R8/3');
    // The I/O wait and the cache bar only where a thread can wait for I/O, where the cache is on.
    const full = async (preset) => {
      await legend(preset);
      return page.$$eval('#watch-legend li', (items) => items.map((item) => item.textContent));
    };
    const srtf = (await full('srtf-vs-sjf')).join(' | ');
    assert.ok(!srtf.includes('until its I/O completes') && !srtf.startsWith('Cache bar') && !srtf.includes('| Cache bar'), srtf);
    const io = (await full('mlfq-ostep-io-job')).join(' | ');
    assert.ok(io.includes('P1 (3): 3 ticks left until its I/O completes'), io);
    const cached = (await full('switch-processes')).join(' | ');
    assert.ok(cached.includes('Cache bar: '), cached);
  }, { locale: 'en-US' });
});

test('under SRTF the machine says each thread\'s burst left, in the queue and on the CPU, so a preemption can be read off it', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    // Silberschatz's SRTF example: P1 (8 ticks) at 0, P2 (4) at 1, P3 (9) at 2, P4 (5) at 3.
    await page.selectOption('#preset-select', 'srtf-vs-sjf');
    await page.waitForSelector('#watch-canvas');
    const at = async (tick) => {
      await scrubTo(page, tick, { painted: true });
      return [(await page.textContent('#cpu-0')).trim(), (await page.textContent('#ready-0')).split(':')[1].trim()];
    };
    // At 1 P2 arrives with 4 ticks against P1's 7 left: it takes the CPU.
    assert.deepEqual(await at(1), ['CPU 0: P2 · r4', 'P1 (r7)']);
    // At 3 P4 arrives with 5 against P2's 2: P2 keeps it; the queue is in the order SRTF
    // takes them, least left first.
    assert.deepEqual(await at(3), ['CPU 0: P2 · r2', 'P4 (r5) → P1 (r7) → P3 (r9)']);
    // At 5 P2 is done: P4 (5) runs before P1 (7) and P3 (9).
    assert.deepEqual(await at(5), ['CPU 0: P4 · r5', 'P1 (r7) → P3 (r9)']);
    await page.click('#lang-ko');
    assert.match((await at(5))[0], /P4 · r5$/);
    assert.ok((await page.textContent('#watch-legend')).includes('r3: 지금 CPU 버스트가 3틱 남음'));
  }, { locale: 'en-US' });
});

test('under MLFQ the machine in words gives each waiting thread the slice and allotment left, as the core keeps them', async () => {
  // OSTEP's short job: A (180) at 0, B (20) at 100, three levels of quantum 10.
  const preset = join(await scratchDirectory('proclab-mlfq-'), 'mlfq.json');
  await writeFile(preset, JSON.stringify(await cli('presets', 'mlfq-ostep-short-job')));
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('#preset-select', 'mlfq-ostep-short-job');
    await page.waitForSelector('#watch-canvas');
    let marked = 0;
    for (const tick of [3, 15, 29, 100, 105, 112, 125, 190]) {
      await scrubTo(page, tick, { painted: true });
      const state = await cli('state', preset, '--tick', String(tick));
      for (const [level, queue] of state.ready.entries()) {
        const words = queue.map((thread) => {
          const tcb = state.threads.find((t) => t.thread.pid === thread.pid && t.thread.tid === thread.tid);
          const marks = [tcb.quantum_left > 0 ? `q${tcb.quantum_left}` : '', `a${tcb.allotment_left}`].filter(Boolean).join(' ');
          return `${label(state, thread)} (${marks})`;
        });
        marked += words.length;
        const shown = (await page.textContent(`#ready-${level}`)).split(':')[1].trim();
        assert.equal(shown, words.length ? words.join(' → ') : '—', `queue ${level} at t=${tick}`);
      }
      const running = state.threads.find((tcb) => tcb.state === 'Running');
      if (running && running.quantum_left > 0) {
        assert.ok((await page.textContent('#cpu-0')).trim().endsWith(` · q${running.quantum_left}`), `CPU at t=${tick}`);
      }
    }
    assert.ok(marked > 0, 'some thread waited');
  }, { locale: 'en-US' });
});

test('under HRRN the queue shows each waiting thread\'s response ratio and the log says the ratios a choice compared', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    // Stallings's example: A 0/3, B 2/6, C 4/4, D 6/5, E 8/2 (named P1..P5 here).
    await page.selectOption('#preset-select', 'hrrn');
    await page.waitForSelector('#watch-canvas');
    const at = async (tick) => {
      await scrubTo(page, tick, { painted: true });
      return (await page.textContent('#ready-0')).split(':')[1].trim();
    };
    // At 8, B runs; C has waited 4 for a burst of 4, D 2 for 5, E has just come: (W + S) / S.
    assert.equal(await at(8), 'P3 (R8/4) → P4 (R7/5) → P5 (R2/2)');
    // At 9 B is done: C (9/4) beats D (8/5) and E (3/2); the log says so.
    await at(9);
    const line = async () => (await page.$$eval('#event-log li', (items) => items.map((item) => item.textContent)))
      .find((text) => text.includes("load P3's PCB"));
    assert.match(await line(), /Chosen for the highest response ratio: \(5 \+ 4\) \/ 4 = 9\/4 ≈ 2\.25 \(P4 8\/5 ≈ 1\.60, P5 3\/2 ≈ 1\.50\)\.$/);
    // D's PCB says its ratio with its parts.
    await page.selectOption('#inspect-select', '3.0');
    assert.equal(await pcbField(page, 'Response ratio'), '(3 + 5) / 5 = 8/5 ≈ 1.60 (waited 3, burst 5)');
    assert.equal(await at(13), 'P4 (R12/5)');
    await page.click('#lang-ko');
    await at(9);
    const korean = (await page.textContent('#event-log'));
    assert.ok(korean.includes('응답률이 가장 높은 스레드를 골랐습니다: (5 + 4) / 4 = 9/4 ≈ 2.25 (P4 8/5 ≈ 1.60, P5 3/2 ≈ 1.50).'), korean);
    assert.ok((await page.textContent('#watch-legend')).includes('R8/3: 응답률 (W + S) / S'));
  }, { locale: 'en-US' });
});

test('another example is watched from its first tick; an edit keeps the tick the student was at', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#watch-canvas');
    await page.click('#to-end');
    const end = await clock(page);
    assert.ok(end > 10, `the race ends at ${end}`);
    // A longer example: the race's last tick exists in it, and still it starts at 0.
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForFunction(() => /^t = 0 \//.test(document.querySelector('#clock')?.textContent ?? ''));
    const total = Number((await page.textContent('#clock')).match(/\/ (\d+)/)[1]);
    assert.ok(total > end, `the second example (${total} ticks) is longer than the first (${end})`);
    assert.equal(await page.getAttribute('#event-forward', 'aria-disabled'), 'false');
    // An edit of the workload keeps the student's instant.
    await scrubTo(page, 7);
    const before = await page.textContent('#policy-rule');
    await page.selectOption('#policy-kind', 'rr');
    await page.waitForFunction((rule) => document.querySelector('#policy-rule')?.textContent !== rule, before);
    await page.waitForTimeout(300);
    assert.equal(await clock(page), 7, 'the edit kept t = 7');
  });
});

test('a run that ends in a deadlock says so in the log at its last tick, in both languages', async () => {
  for (const locale of ['en-US', 'ko-KR']) {
    await onFreshPage(server.url, async ({ page }) => {
      await page.selectOption('#preset-select', 'philosophers-deadlock');
      await page.waitForSelector('#watch-canvas');
      await page.click('#to-end');
      const end = Number((await page.textContent('#clock')).match(/\/ (\d+)/)[1]);
      await page.waitForFunction((value) => document.querySelector('#clock')?.textContent.startsWith(`t = ${value} `), end);
      const newest = await page.$$eval('#event-log li.now', (lines) => lines.map((line) => line.textContent));
      const said = locale === 'en-US' ? `t=${end}: The run stopped in a deadlock at t=${end}` : `t=${end}: 실행이 t=${end}에 교착 상태로 멈췄`;
      assert.ok(newest.at(-1).startsWith(said), newest.join(' | '));
      // The sentence is the metrics' own note, not a second wording.
      const note = (await page.textContent('#run-stopped')).trim();
      assert.equal(newest.at(-1), `t=${end}: ${note}`);
      // One tick earlier, nothing is said of the stop.
      await page.click('#tick-back');
      const earlier = await page.$$eval('#event-log li', (lines) => lines.map((line) => line.textContent));
      assert.ok(earlier.length > 0 && !earlier.some((line) => line.includes(note)), earlier.join(' | '));
    }, { locale });
  }
});

test('a tick inside a switch or a refill says what the CPU goes on doing, and the cache bar counts the cold units', async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('#preset-select', 'switch-processes');
    await page.waitForSelector('#watch-canvas');
    // The run's switches and refills, from the chart's data table.
    const label = () => page.getAttribute('#watch-canvas', 'aria-label');
    let loading = 0;
    let refilling = 0;
    for (let tick = 1; tick < 40; tick += 1) {
      await scrubTo(page, tick, { painted: true });
      const said = await label();
      const cpu = await page.textContent('.machine-text li:first-child');
      if (/Dispatch latency/.test(cpu)) {
        const left = cpu.match(/\((\d+) ticks? left\)/)[1];
        if (!/: (Timer|CPU 0: save|.*exits)/.test(said)) {
          assert.match(said, new RegExp(`t=${tick}: CPU 0 is still loading P\\d's context \\(dispatch latency, ${left} ticks? left\\)`));
          loading += 1;
        }
      } else if (/Cache refill/.test(cpu)) {
        assert.match(said, new RegExp(`t=${tick}: CPU 0 is refilling P\\d's cache \\(\\d+ cold units?, \\d+ ticks? left\\)`), said);
        refilling += 1;
      }
    }
    assert.ok(loading > 0 && refilling > 0, `${loading} loading and ${refilling} refilling ticks seen`);
  });
});

test("on a phone a tapped token says where its PCB is, and the button brings the PCB into view below the playback bar", async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.setInputFiles('#upload-json', file);
    await page.waitForSelector('#watch-canvas');
    await scrubTo(page, 3, { painted: true });
    assert.equal(await page.locator('#to-pcb').count(), 0, 'nothing selected yet');
    // Tap the picture as a finger would, on a grid, until a token is hit.
    await page.locator('#watch-canvas').scrollIntoViewIfNeeded();
    const box = await page.locator('#watch-canvas').boundingBox();
    let hit = false;
    for (let y = 10; y < box.height && !hit; y += 24) {
      for (let x = 10; x < box.width && !hit; x += 24) {
        if (box.y + y < 0 || box.y + y > 844) continue;
        await page.touchscreen.tap(box.x + x, box.y + y);
        hit = (await page.locator('#to-pcb').count()) > 0;
      }
    }
    assert.ok(hit, 'some tap selects a token');
    const selected = await page.inputValue('#inspect-select');
    const name = SCENARIO.processes[Number(selected.split('.')[0])].name;
    assert.equal((await page.textContent('#to-pcb')).trim(), `${name}'s PCB ↓`);
    const below = await page.$eval('#inspector-title', (element) => element.getBoundingClientRect().top);
    assert.ok(below > 844, `the PCB starts below the screen (${below})`);
    await page.tap('#to-pcb');
    await page.waitForFunction(() => {
      const top = document.querySelector('#inspector-title').getBoundingClientRect().top;
      return top > 0 && top < window.innerHeight / 2;
    });
    // Not under the sticky playback bar.
    const [title, bar] = await page.evaluate(() => [
      document.querySelector('#inspector-title').getBoundingClientRect().top,
      document.querySelector('.watch .playback').getBoundingClientRect().bottom,
    ]);
    assert.ok(title >= bar, `the PCB's title at ${title}, the bar ends at ${bar}`);
    // The bar is two lines, the steps then Play, the clock and the speed side by side: a third
    // line hid the headings scrolling under it.
    const rows = await page.evaluate(() => ['#to-start', '#play', '#clock', '#speed'].map(
      (selector) => Math.round(document.querySelector(selector).getBoundingClientRect().top)));
    assert.ok(rows[1] > rows[0], `Play below the steps (${rows})`);
    assert.ok(Math.abs(rows[2] - rows[1]) < 20 && Math.abs(rows[3] - rows[1]) < 20,
      `Play, the clock and the speed on one line (${rows})`);
    assert.ok(await page.isVisible('#speed'), 'the speed list shows');
    assert.match(await page.textContent('#pcb-table caption'), new RegExp(`^PCB · ${name}`));
    // At a laptop's width the PCB is beside the picture: no button.
    await page.setViewportSize({ width: 1400, height: 1000 });
    assert.equal(await page.locator('#to-pcb').isVisible(), false);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Play and Pause take one width, so the speed beside them stays put, and the button is named by the word it shows', { timeout: 180_000 }, async () => {
  for (const [locale, play, pause] of [['en-US', 'Play', 'Pause'], ['ko-KR', '재생', '일시 정지']]) {
    await onFreshPage(server.url, async ({ page }) => {
      await page.selectOption('#preset-select', 'rr-silberschatz');
      await page.waitForSelector('#play');
      await page.selectOption('#speed', { index: 0 });
      const place = () => page.evaluate(() => [
        document.querySelector('#play').getBoundingClientRect().width,
        document.querySelector('#speed').getBoundingClientRect().left,
      ]);
      assert.equal(await page.getByRole('button', { name: play, exact: true }).count(), 1);
      const paused = await place();
      await page.click('#play');
      await page.waitForSelector('#play[data-playing="true"]');
      assert.equal(await page.getByRole('button', { name: pause, exact: true }).count(), 1, 'named by the word shown alone');
      assert.equal(await page.getByRole('button', { name: play, exact: true }).count(), 0);
      const playing = await place();
      await page.click('#play');
      assert.deepEqual(playing, paused, `${locale}: Play ${paused[0]} px, Pause ${playing[0]} px wide`);
    }, { locale, viewport: { width: 1366, height: 768 } });
  }
});

test('presented on a phone, leaving and the Gantt chart stay at the foot of the screen however far it is scrolled, and the chart comes into view below the playback bar', async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#present');
    await page.tap('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    const inReach = async () => page.evaluate(() => ['#present', '#present-to-gantt'].map((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight && box.height >= 40;
    }));
    assert.deepEqual(await inReach(), [true, true]);
    // Scrolled to the end of the presentation (the chart, the legend), they are still there.
    await page.evaluate(() => { const watch = document.querySelector('.watch'); watch.scrollTop = watch.scrollHeight; });
    await page.waitForFunction(() => document.querySelector('.watch').scrollTop > 500);
    assert.deepEqual(await inReach(), [true, true]);
    await page.evaluate(() => { document.querySelector('.watch').scrollTop = 0; });
    await page.tap('#present-to-gantt');
    await page.waitForFunction(() => {
      const chart = document.querySelector('#present-gantt').getBoundingClientRect();
      const bar = document.querySelector('.watch .playback').getBoundingClientRect();
      return document.querySelector('.watch').scrollTop > 0 && chart.top >= bar.bottom - 1;
    });
    await page.tap('#present');
    await page.waitForFunction(() => !document.querySelector('.watch').classList.contains('presenting'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('presentation mode on a tablet: a tick of four creations and a dispatch is told in two lines a room can read, the picture whole on the screen', async () => {
  for (const [locale, created] of [
    ['en-US', 't=0: P1, P2, P3 and P4 are created: their PCBs are made and they join the ready queue.'],
    ['ko-KR', 't=0: P1, P2, P3, P4 생성: 각자의 PCB를 만들고 준비 큐에 넣습니다.'],
  ]) {
    const context = await openBrowser({ locale, viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.waitForSelector('#app-title');
      await page.selectOption('#preset-select', 'switch-processes');
      await page.waitForSelector('#watch-canvas');
      await scrubTo(page, 0, { painted: true });
      // The log tells each creation on its own line; the room sees them together.
      const logged = await page.$$eval('#event-log li.now', (lines) => lines.map((line) => line.textContent));
      assert.equal(logged.length, 5, logged.join(' | '));
      await page.click('#present');
      await page.waitForSelector('#present-caption p');
      const caption = await page.$$eval('#present-caption p', (lines) => lines.map((line) => line.textContent));
      assert.deepEqual(caption, [created, logged[4]]);
      // At full size (five lines had shared three lines' room at 12 px), and whole.
      const size = await page.$eval('#present-caption p', (line) => parseFloat(getComputedStyle(line).fontSize));
      assert.ok(size >= 17.5, `the caption's lines are ${size} px`);
      assert.ok(await page.$eval('#present-caption', (box) => box.scrollHeight <= box.clientHeight + 1), 'both lines fit');
      // A finger's taller buttons leave the picture less room: it ends on the screen (its I/O
      // devices had been cut off 22 px below it).
      const picture = await page.locator('#watch-canvas').boundingBox();
      assert.ok(picture.y + picture.height <= 768 + 1, `the picture spans ${picture.y}-${picture.y + picture.height} of 768 px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

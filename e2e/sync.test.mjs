// Mutexes, semaphores and deadlock end to end in Debian's Chromium: the dining philosophers
// deadlock with a report and a resource-allocation graph that agree with the CLI, the fix by fork
// order lets every philosopher eat, and a bounded buffer shows its semaphores and wait queues.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, screenshot, scratchDirectory } from './harness.mjs';
import { cliRun, presetFile, buildCli, onFreshPage, scrubTo, proclab } from './page-helpers.mjs';

const TIMEOUT = { timeout: 180_000 };

let server;
let scratch;
before(async () => {
  server = await startServer();
  scratch = await scratchDirectory('proclab-sync-');
  await buildCli();
});
after(async () => { await server.close(); });

/** Opens the examples menu's `id` on a fresh page and waits for its programs panel. */
async function openExample(page, id) {
  await page.selectOption('select >> nth=0', id);
  await page.waitForSelector('#programs-title');
  await page.click('#to-end');
}

/** The CLI's JSON run of a preset, as the core defines it. */
async function cliPresetRun(id) {
  return cliRun(await presetFile(scratch, id));
}

test('dining philosophers: the deadlock report and graph, then the fix where everyone eats', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'philosophers-deadlock');
    await page.waitForSelector('#wait-graph');
    const report = await page.textContent('#program-end');
    const cli = await cliPresetRun('philosophers-deadlock');
    assert.equal(cli.program.end.kind, 'deadlock');
    assert.equal(report.trim(), cli.program.end.text, 'the page and the CLI word the report alike');
    assert.deepEqual(cli.program.end.cycle, [0, 1, 2]);
    // The metrics table marks the completion counted up to the stop, as the note above it says.
    assert.equal(await page.getAttribute('#metrics-table tbody tr[data-pid="0"] td.completion', 'data-stopped'), 'true');
    assert.match(await page.textContent('#run-stopped'), /that is its completion, marked \*, in the metrics table/);
    assert.match(report, /Circular wait: P1\.T1 → P1\.T2 → P1\.T3 → P1\.T1/);
    // The graph: three philosophers and three forks, all in the cycle; three requests, three holds.
    assert.equal(await page.locator('#wait-graph .node.cycle').count(), 6);
    assert.equal(await page.locator('#wait-graph .edge.request.cycle').count(), 3);
    assert.equal(await page.locator('#wait-graph .edge.cycle:not(.request)').count(), 3);
    // Each fork is held by one philosopher and waited for by the next.
    for (const fork of ['f0', 'f1', 'f2']) {
      assert.match(await page.textContent(`#sync-p0 tr[data-sync="${fork}"] .sync-state`), /held by P1\.T\d/);
      assert.match(await page.textContent(`#sync-p0 tr[data-sync="${fork}"] .sync-waiters`), /P1\.T\d/);
    }
    // The machine in words lists each fork's wait queue and holder at the end of the run.
    await page.waitForFunction(() => document.querySelectorAll('#machine-text .wait-queue').length === 3);
    for (const fork of ['f0', 'f1', 'f2']) {
      assert.match(await page.textContent(`#machine-text .wait-queue[data-sync="${fork}"]`),
        new RegExp(`Waiting for mutex ${fork}: P1\\.T\\d \\(held by P1\\.T\\d\\)`));
    }
    // Each waiting philosopher's pc is past the lock it waits in: its own line is the one after
    // that lock, and the line it waits in (a lock) is named too.
    const program = (await page.inputValue('#p0-program')).split('\n');
    const pcs = await page.$$eval('#registers tbody tr td.pc', (cells) => cells.map((cell) => cell.textContent));
    assert.equal(pcs.length, 3);
    for (const pc of pcs) {
      const [, own, waits] = (pc.match(/^\d+ · line (\d+) \(waits in line (\d+)\)$/) ?? []).map(Number);
      assert.match(program[waits - 1] ?? '', /^\s*lock /, `${pc}: ${program[waits - 1]}`);
      assert.ok(own > waits, `${pc}: the pc is past the lock`);
    }
    await screenshot(page, 'sync-philosophers-deadlock-en');

    await openExample(page, 'philosophers-ordered');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    assert.equal(await page.locator('#wait-graph').count(), 0, 'no deadlock, no graph');
    const ate = await page.$$eval('#memory-p0 tbody tr', (rows) => rows.map((row) => [
      row.getAttribute('data-variable'), Number(row.querySelector('.value').textContent),
    ]));
    assert.deepEqual(ate, [['ate[0]', 1], ['ate[1]', 1], ['ate[2]', 1]], 'every philosopher ate');
    const fixed = await cliPresetRun('philosophers-ordered');
    assert.equal(fixed.program.end.kind, 'finished');
    assert.deepEqual(fixed.program.memory[0].words.map((word) => word.value), [1, 1, 1]);
  });
});

test('presented at the deadlock\'s last instant, the resource-allocation graph stands beside the picture, on the screen', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'philosophers-deadlock');
    await page.waitForSelector('#wait-graph');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.keyboard.press('End');
    await page.waitForSelector('#present-wait-graph');
    // The same graph as the programs panel's: three philosophers and three forks in the cycle.
    assert.equal(await page.locator('#present-wait-graph .node.cycle').count(), 6);
    assert.equal(await page.locator('#present-wait-graph .edge.request.cycle').count(), 3);
    const [graph, canvas] = await page.evaluate(() => ['#present-wait-graph svg', '#watch-canvas'].map((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }));
    assert.ok(graph.left >= canvas.right, `the graph (from ${graph.left}px) beside the picture (to ${canvas.right}px)`);
    assert.ok(graph.right <= 1280 && graph.bottom <= 720, `the graph ends at ${graph.right}, ${graph.bottom}`);
    // Each arrow points with its own arrowhead, the programs panel's graph keeping its own.
    const heads = await page.$$eval('#present-wait-graph .edge', (edges) => [...new Set(edges.map((edge) => edge.getAttribute('marker-end')))]);
    assert.deepEqual(heads, ['url(#present-wait-graph-arrow)']);
    assert.ok(await page.$('#present-wait-graph-arrow'));
    await screenshot(page, 'sync-present-deadlock-graph');
    // A tick before the end nothing is deadlocked yet: the picture has the room to itself.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => !document.querySelector('#present-wait-graph'));
  }, { locale: 'en-US', viewport: { width: 1280, height: 720 } });
});

test('the deadlock in Korean on a phone: report, graph and wait queues fit', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'deadlock-two-locks');
    await page.waitForSelector('#wait-graph');
    assert.match(await page.textContent('#program-end'), /교착 상태.*순환 대기/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    // The graph's text stays legible: at least 12 px on screen.
    const smallest = await page.$$eval('#wait-graph text', (texts) =>
      Math.min(...texts.map((text) => text.getBoundingClientRect().height)));
    assert.ok(smallest >= 12, `graph text ${smallest}px high`);
    await screenshot(page, 'sync-two-locks-phone-ko');
  }, { locale: 'ko-KR', viewport: { width: 390, height: 844 } });
});

test('the deadlock example fixed by hand: its stale lesson is headed by how the run ends now, and typed back it holds again', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'deadlock-two-locks');
    await page.waitForSelector('#wait-graph');
    assert.equal(await page.$('#notice .lesson-now'), null, 'as loaded, the lesson holds');
    const crossed = await page.inputValue('#p0-program');
    // The second thread takes the locks in the first one's order.
    const ordered = crossed.replace(/lock b( +)# first b \.\.\.\nlock a/, 'lock a$1# first b ...\nlock b');
    assert.notEqual(ordered, crossed);
    await page.fill('#p0-program', ordered);
    await page.waitForSelector('#notice.stale .lesson-now');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    const now = await page.textContent('#notice .lesson-now');
    assert.match(now, /^The run as it is now no longer deadlocks: every thread has finished by t=\d+\.$/);
    assert.match(await page.textContent('#notice'), /changed since it was loaded/);
    // It is read first: above the stale lesson, in the page's ink, not greyed.
    const [line, lesson] = await page.$$eval('#notice p', (ps) => ps.map((p) => ({ top: p.getBoundingClientRect().top, color: getComputedStyle(p).color })));
    assert.ok(line.top < lesson.top);
    assert.notEqual(line.color, lesson.color);
    await screenshot(page, 'sync-deadlock-fixed-lesson-now');
    // Back as it was, the lesson holds again and the line goes.
    await page.fill('#p0-program', crossed);
    await page.waitForFunction(() => !document.querySelector('#notice.stale') && !document.querySelector('#notice .lesson-now'));
    assert.ok(await page.$('#wait-graph'));
  }, { locale: 'en-US', viewport: { width: 1366, height: 768 } });
});

test('on a phone the registers and the queues are cards that fit: each value after its heading, in both languages', TIMEOUT, async () => {
  for (const [locale, waitsFor] of [['en-US', 'Waits for'], ['ko-KR', '기다리는 대상']]) {
    await onFreshPage(server.url, async ({ page }) => {
      await openExample(page, 'message-queue-client-server');
      const fits = await page.$$eval('#registers, #queues', (tables) => tables.map((table) => {
        const box = table.closest('.table-scroll');
        return { id: table.id, width: box.scrollWidth, room: box.clientWidth };
      }));
      assert.equal(fits.length, 2);
      for (const { id, width, room } of fits) assert.ok(width <= room, `#${id} is ${width}px wide in ${room}px`);
      // Each register and the pc read with their names, as the laptop's headings give them.
      const labels = await page.$$eval('#registers tbody tr:first-child td', (cells) =>
        cells.map((cell) => getComputedStyle(cell, '::before').content));
      assert.deepEqual(labels.slice(1, 4), ['"pc "', '"%ax "', '"%bx "']);
      assert.equal(labels.at(-1), `"${waitsFor}: "`);
      const queue = await page.$eval('#queues tbody tr td', (cell) => getComputedStyle(cell, '::before').content);
      assert.match(queue, /: "$/);
      await page.$eval('#registers', (table) => { table.scrollIntoView(); window.scrollBy(0, -130); });
      await screenshot(page, `sync-registers-phone-${locale}`);
    }, { locale, viewport: { width: 390, height: 844 } });
  }
});

test('a bounded buffer: semaphores count the slots and a full buffer blocks the producer', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'producer-consumer-semaphores');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    assert.equal(await page.$('#metrics-table td[data-stopped]'), null, 'a run that finished marks no completion');
    // Somewhere in the run the producer waited on `empty`: the interleaving says it blocked.
    assert.ok(await page.locator('#interleaving li', { hasText: 'wait empty' }).filter({ hasText: 'blocks' }).count() >= 1);
    // At the end both semaphores are back where they started and nobody waits.
    assert.match(await page.textContent('#sync-p0 tr[data-sync="empty"] .sync-state'), /value 3/);
    assert.match(await page.textContent('#sync-p0 tr[data-sync="full"] .sync-state'), /value 0/);
    assert.equal((await page.textContent('#sync-p0 tr[data-sync="empty"] .sync-waiters')).trim(), '—');
  });
});

test('message queues: a client and a server share only their queues, each waits and every reply arrives', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'message-queue-client-server');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    // Two address spaces: only the client has variables; the queues are listed once, shared.
    const got = await page.$$eval('#memory-p0 tbody tr .value', (cells) => cells.map((cell) => Number(cell.textContent)));
    assert.deepEqual(got, [1, 4, 9]);
    assert.equal(await page.locator('#memory-p1').count(), 0, 'the server has no variables');
    assert.deepEqual(await page.$$eval('#queues tbody tr', (rows) => rows.map((row) => row.getAttribute('data-queue'))),
      ['requests', 'replies']);
    // The interleaving shows each process blocking on a recv three times.
    for (const queue of ['requests', 'replies']) {
      const blocked = await page.locator('#interleaving li', { hasText: `recv ${queue}` }).filter({ hasText: 'blocks' }).count();
      assert.equal(blocked, 3, `recv ${queue} blocks three times`);
    }
    const cli = await cliPresetRun('message-queue-client-server');
    assert.deepEqual(cli.program.memory[0].words.map((word) => word.value), got, 'the page and the CLI agree');
  });
});

/** The tick of each `Waits` event of the CLI's trace, with the waiting thread. */
function waits(cli) {
  return cli.events
    .filter((event) => event.cause && typeof event.cause === 'object' && 'Waits' in event.cause)
    .map((event) => ({ tick: event.tick, thread: event.thread }));
}

test('a pipe: the buffer fills and blocks the writer, drains and blocks the reader, then end-of-file', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'pipe-writer-reader');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    const row = (cell) => page.textContent(`#queues tr[data-queue="p"] .${cell}`).then((text) => text.trim());
    assert.equal(await page.getAttribute('#queues tr[data-queue="p"]', 'data-kind'), 'pipe');
    // At the end: empty, every write end closed, end-of-file; the reader added 1 to 6.
    assert.equal(await row('queue-messages'), '[] 0/2');
    assert.match(await row('queue-writers'), /end-of-file/);
    assert.match(await page.textContent('#machine-text .channel[data-channel="p"]'), /pipe p: \[\] 0\/2/);
    const words = await page.$$eval('#memory-p1 tbody tr .value', (cells) => cells.map((cell) => Number(cell.textContent)));
    assert.deepEqual(words, [21, 6]);
    assert.equal(await page.locator('#interleaving li', { hasText: 'read p' }).filter({ hasText: 'end-of-file' }).count(), 1);
    // The CLI's trace says when each waits: the writer first (full), then the reader (empty).
    const cli = await cliRun(await presetFile(scratch, 'pipe-writer-reader'), '--events');
    assert.deepEqual(cli.program.memory[1].words.map((word) => word.value), words, 'the page and the CLI agree');
    const [full, empty] = waits(cli);
    assert.equal(full.thread.pid, 0);
    assert.equal(empty.thread.pid, 1);
    await scrubTo(page, full.tick);
    assert.equal(await row('queue-messages'), '[1, 2] 2/2', 'the buffer is full');
    assert.equal(await row('queue-senders'), 'Writer');
    assert.equal(await row('queue-writers'), 'Writer');
    assert.ok((await page.textContent('#event-log')).includes('Writer blocks: pipe p full'));
    await page.selectOption('#inspect-select', '0.0');
    assert.match(await page.textContent('#pcb-table tr[data-field="Waits for"] td'), /^pipe p \(full\): waits to write$/);
    await scrubTo(page, empty.tick);
    assert.equal(await row('queue-messages'), '[] 0/2', 'drained');
    assert.equal(await row('queue-receivers'), 'Reader');
    assert.ok((await page.textContent('#event-log')).includes('Reader blocks: pipe p empty'));
    // At the end, past the reader's last read, its wait still reads "empty" in the log.
    await page.click('#to-end');
    const log = await page.textContent('#event-log');
    assert.ok(log.includes('Reader blocks: pipe p empty') && !log.includes('Reader blocks: pipe p full'), log);
  });
});

test('a pipe: each write, read and close is told in the log at its tick, and » stops there', TIMEOUT, async () => {
  const file = await presetFile(scratch, 'pipe-writer-reader');
  // The CLI's machine at each tick: the first tick the pipe holds something, with no event.
  const cli = await cliRun(file, '--events');
  const eventTicks = new Set(cli.events.map((event) => event.tick));
  let first;
  for (let tick = 1; tick < cli.events.at(-1).tick && first === undefined; tick += 1) {
    const state = JSON.parse(await proclab('state', file, '--tick', String(tick)));
    if (state.queues[0].messages.length > 0) first = { tick, value: state.queues[0].messages[0] };
  }
  assert.ok(first && !eventTicks.has(first.tick), `the first write, at ${first?.tick}, has no event of its own`);
  for (const [locale, words] of [['en-US', `Writer writes ${first.value} into pipe p.`], ['ko-KR', `Writer가 파이프 p에 ${first.value}`]]) {
    await onFreshPage(server.url, async ({ page }) => {
      await openExample(page, 'pipe-writer-reader');
      await scrubTo(page, 0);
      await page.click('#event-forward');
      await page.waitForFunction((tick) => document.querySelector('#clock').textContent.includes(`t = ${tick} `), first.tick);
      const now = await page.$$eval('#event-log li.now', (lines) => lines.map((line) => line.textContent));
      assert.ok(now.length === 1 && now[0].startsWith(`t=${first.tick}: ${words}`), now.join(' | '));
      // At the end the log has the close and the end-of-file read.
      await page.click('#to-end');
      const log = await page.textContent('#event-log');
      if (locale === 'en-US') {
        assert.ok(log.includes('Writer closes its write end of pipe p.') && log.includes('Reader reads end-of-file (-1) from pipe p'), log);
      }
    }, { locale });
  }
});

test('compare: policies whose run ends in deadlock are marked and never named the lowest; the sweep tries quanta 1 to 10', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'deadlock-two-locks');
    // At laptop width the registers table, with its "waits for" words, fits its column.
    await page.click('#to-end');
    const registers = await page.$eval('#registers', (table) => ({ width: table.scrollWidth, room: table.parentElement.clientWidth }));
    assert.ok(registers.width <= registers.room, `the registers table is ${registers.width}px wide in ${registers.room}px`);
    await page.click('#tab-compare');
    await page.waitForSelector('#compare-canvas', { timeout: 60_000 });
    const said = await page.textContent('.compare-chart .chart-takeaway');
    assert.match(said, /^7 policies compared: the lowest average waiting is [0-9.]+ ticks, by FCFS/);
    assert.match(said, /Left out, as they stopped before every thread finished \(their times end there\): RR \(q=3; deadlock at t=8\)/);
    const keys = await page.$$eval('.compare-chart table tbody th', (cells) => cells.map((cell) => cell.textContent));
    assert.ok(keys.includes('RR (q=3; deadlock at t=8)'), keys.join(' | '));
    assert.equal(await page.locator('.sweep-chart table tbody tr').count(), 10);
    assert.match(await page.textContent('.sweep-chart .chart-takeaway'), /^Round robin with q from 1 to 10/);
  });
});

test('a pipe carries bytes: writing 300 ends the writer with the reason, in both languages', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'pipe-writer-reader');
    const program = await page.inputValue('#p0-program');
    await page.fill('#p0-program', program.replace('mov $1, %ax', 'mov $300, %ax'));
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('by a fault'));
    await page.click('#to-end');
    assert.match(await page.textContent('#interleaving'), /it wrote 300 to a pipe, which carries bytes \(0 to 255\)/);
    // The faulting instruction is marked as an error (red), not as an ordinary effect.
    const faulted = await page.$$eval('#interleaving li.fault', (items) => items.map((item) => item.textContent));
    assert.equal(faulted.length, 1, faulted.join(' | '));
    assert.match(faulted[0], /300/);
    assert.match(await page.textContent('#program-end'), /every thread ends, 1 of them by a fault/);
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#interleaving'), /파이프는 바이트\(0~255\)를 나르는데 300을 쓰려고 했습니다/);
    assert.match(await page.textContent('#program-end'), /그중 1개는 오류로 끝납니다/);
  });
});

test('the same job by threads and through a pipe: the kernel entries and their ticks, and the setting in the machine', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await openExample(page, 'ipc-cost-pipe');
    await page.waitForSelector('#kernel-entries');
    assert.equal(await page.inputValue('#kernel-entry-cost'), '3');
    assert.match(await page.textContent('#kernel-entries'), /Writer\.T1 7번\(21틱\), Reader\.T1 7번\(21틱\); 모두 42틱/);
    await openExample(page, 'ipc-cost-threads');
    await page.waitForSelector('#kernel-entries');
    assert.match(await page.textContent('#kernel-entries'), /모두 0틱/);
    // A cost of 0 hides the line; a bad value is reported and the page keeps what was typed.
    await page.evaluate(() => { document.querySelector('#machine-settings').open = true; });
    await page.fill('#kernel-entry-cost', '0');
    await page.waitForFunction(() => !document.querySelector('#kernel-entries'));
    await page.fill('#kernel-entry-cost', 'x');
    await page.waitForFunction(() => document.querySelector('#kernel-entry-cost')?.getAttribute('aria-invalid') === 'true');
    assert.equal(await page.inputValue('#kernel-entry-cost'), 'x');
  }, { locale: 'ko-KR' });
});

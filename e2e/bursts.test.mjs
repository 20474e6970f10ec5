// Bursts between operations end to end in Debian's Chromium: the `bursts-lock` example's
// interleaving shows each `cpu $n` as one instruction, the machine mid-burst shows the ticks left
// and the thread Blocked on the mutex, as the CLI's state at that tick says; a `cpu $n` typed in
// the program editor runs, and one out of range is reported on its line in both languages;
// operations typed in a bursts field (`2 lock m 3 unlock m 1`) run on one mutex the processes share,
// with the CLI's numbers, the program they become, a share link that reopens them, and clear errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { startServer, screenshot, scratchDirectory } from './harness.mjs';
import { writeFile } from 'node:fs/promises';
import {
  cliRun, cliNumbers, presetFile, proclab, buildCli, onFreshPage, scrubTo, typeWorkload, choosePolicy,
  waitForFreshResults, readNumbers, download, savedWorkspace,
} from './page-helpers.mjs';
import { openBrowser, openPage } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };

let server;
let scratch;
before(async () => {
  server = await startServer();
  scratch = await scratchDirectory('proclab-bursts-');
  await buildCli();
});
after(async () => { await server.close(); });

/** `proclab state FILE --tick T`: the machine at that tick, as the core computes it. */
async function cliState(path, tick) {
  return JSON.parse(await proclab('state', path, '--tick', String(tick)));
}

test('bursts-lock: cpu $n in the interleaving, the ticks left and the lock wait mid-burst, as the CLI says', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('select >> nth=0', 'bursts-lock');
    await page.waitForSelector('#programs-title');
    await page.click('#to-end');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    const path = await presetFile(scratch, 'bursts-lock');
    const cli = await cliRun(path);
    const computes = cli.program.steps.filter((step) => step.outcome === 'cpu');
    assert.equal(computes.length, 6, 'three cpu $n per thread');
    assert.equal(await page.locator('#interleaving li', { hasText: 'computes for 3 ticks on the CPU' }).count(), 2);
    assert.equal(await page.locator('#interleaving li', { hasText: 'computes for 4 ticks on the CPU' }).count(), 2);
    // The tick where T2 waits for m while T1 computes its critical section.
    // T2's second instruction is its `lock m`.
    const [t2Cpu, t2Lock] = cli.program.steps.filter((step) => step.thread === 1);
    assert.equal(t2Cpu.outcome, 'cpu');
    const tick = t2Lock.tick + 3;
    const state = await cliState(path, tick);
    assert.equal(state.threads[1].state, 'Blocked');
    const left = state.threads[0].program.computing;
    assert.ok(left > 0, 'T1 is mid-burst');
    await scrubTo(page, tick);
    await page.selectOption('#inspect-select', '0.1');
    assert.match(await page.textContent('#pcb-table tr[data-field="Waits for"] td'), /m \(held by P1\.T1\)/);
    await page.selectOption('#inspect-select', '0.0');
    assert.equal((await page.textContent('#pcb-table tr[data-field="Computing"] td')).trim(), `cpu $n: ${left} ticks left`);
    await screenshot(page, 'bursts-lock-en-1280');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'bursts-lock-en-390');
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.equal((await page.textContent('#pcb-table tr[data-field="Computing"] td')).trim(), `cpu $n: ${left}틱 남음`);
    assert.ok(await page.locator('#interleaving li', { hasText: 'CPU에서 3틱 동안 계산' }).count() > 0);
    await screenshot(page, 'bursts-lock-ko-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'bursts-lock-ko-1280');
  });
});

test('a cpu $n typed in the editor runs; out of range it is reported on its line and kept as typed', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.click('#add-process');
    await page.click('#p0-program-toggle');
    await page.waitForSelector('#p0-program');
    const broken = 'cpu $3\nio $2\ncpu $0\nhalt\n';
    await page.focus('#p0-program');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(broken);
    await page.waitForSelector('#p0-program-error');
    const english = await page.textContent('#p0-program-error');
    assert.match(english, /line 3/i, english);
    assert.match(english, /cpu takes 1 to 1000000 ticks/, english);
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#p0-program-error'), /cpu의 틱 수는 1에서 1000000까지/);
    assert.equal(await page.inputValue('#p0-program'), broken, 'the text stays as typed');
    await screenshot(page, 'bursts-editor-error-ko');
    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.focus('#p0-program');
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('cpu $3\nio $2\ncpu $1\nhalt\n');
    await page.waitForSelector('#p0-program-error', { state: 'detached' });
    await page.waitForSelector('#programs-title');
    await page.click('#to-end');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    await screenshot(page, 'bursts-editor-en');
    // Four instructions per thread, one of them `cpu $3`.
    const lines = await page.locator('#interleaving li').count();
    const bursts = await page.locator('#interleaving li', { hasText: 'computes for 3 ticks on the CPU' }).count();
    assert.ok(bursts > 0);
    assert.equal(lines, 4 * bursts, 'four instructions a thread');
  });
});

test('operations typed in the bursts field: one mutex for both processes, the CLI numbers, the written code, a link, and errors kept as typed', TIMEOUT, async () => {
  const workload = [
    { bursts: '2 lock m 3 unlock m io2 2' },
    { bursts: '2, LOCK(m), 3, unlock:m, 1' },
  ];
  let url;
  await onFreshPage(server.url, async ({ page }) => {
    await typeWorkload(page, workload);
    await choosePolicy(page, 'rr', 2);
    await waitForFreshResults(page);
    // The numbers are the CLI's on the scenario the page downloads.
    const shown = await readNumbers(page);
    const file = await download(page, '#download-json');
    const scenario = JSON.parse(file.bytes.toString('utf8'));
    assert.deepEqual(scenario.processes[1].bursts, [{ cpu: 2 }, { lock: 'm' }, { cpu: 3 }, { unlock: 'm' }, { cpu: 1 }]);
    const path = join(scratch, 'bursts-operations.json');
    await writeFile(path, file.bytes);
    const cli = await cliRun(path);
    const native = cliNumbers(cli);
    assert.deepEqual(shown.rows, native.rows);
    assert.deepEqual(shown.averages, native.averages);
    // The same as the example written the same way.
    const example = cliNumbers(await cliRun(await presetFile(scratch, 'bursts-lock-processes')));
    assert.deepEqual(shown.rows.map((row) => row.completion), example.rows.map((row) => row.completion));
    // P2 waits for m, held by P1, while P1 computes its critical section.
    const lock = cli.program.steps.find((step) => step.thread === 1 && step.outcome !== 'cpu');
    await scrubTo(page, lock.tick + 2);
    await page.selectOption('#inspect-select', '1.0');
    assert.match(await page.textContent('#pcb-table tr[data-field="Waits for"] td'), /m \(held by P1\)/);
    assert.ok(await page.locator('#machine-text li.wait-queue[data-sync="m"]', { hasText: 'P2' }).count() > 0, 'm has its wait queue');
    // The shared mutex is listed once, for both processes; no variables, so no lost updates to count.
    assert.match(await page.textContent('#sync-shared tr[data-sync="m"]'), /held by P1[\s\S]*P2/);
    assert.equal(await page.locator('#lost-count').count(), 0);
    // The programs panel shows what the bursts became: each operation one instruction.
    const code = await page.textContent('.code-view');
    for (const line of ['cpu $2', 'lock m', 'unlock m', 'io $2']) assert.ok(code.includes(line), `${line} in ${code}`);
    await page.setViewportSize({ width: 390, height: 900 });
    // The rows under the processes span the table's own columns: no heading is squeezed.
    const squeezed = await page.evaluate(() => [...document.querySelectorAll('#workload thead th')]
      .filter((th) => th.scrollWidth > th.clientWidth + 1).map((th) => th.textContent));
    assert.deepEqual(squeezed, []);
    assert.match(await page.textContent('#p1-bursts-read'), /CPU 2\s*→\s*lock m\s*→\s*CPU 3\s*→\s*unlock m\s*→\s*CPU 1/);
    await screenshot(page, 'bursts-operations-en-390');
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'bursts-operations-en-1280');
    // The field keeps what was typed; the link carries the operations.
    assert.equal(await page.inputValue('#p1-bursts'), workload[1].bursts);
    await page.click('#copy-link');
    await page.waitForSelector('#notice');
    url = await page.evaluate(() => location.href);
  });
  // A fresh profile opens the link: the same bursts, written the page's way, and the same numbers.
  const context = await openBrowser({ locale: 'ko-KR' });
  try {
    const { page } = await openPage(context, url);
    await waitForFreshResults(page);
    assert.equal(await page.inputValue('#p1-bursts'), '2 lock m 3 unlock m 1');
    assert.equal(await page.inputValue('#p0-bursts'), '2 lock m 3 unlock m io2 2');
    assert.equal(await savedWorkspace(page), null);
    // An unlock with no lock before it, in Korean then English, kept as typed.
    await page.fill('#p1-bursts', '2 unlock m 1');
    await page.waitForSelector('#p1-bursts-error');
    await page.click('#lang-ko').catch(() => {});
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#p1-bursts-error'), /unlock 앞에 같은 뮤텍스의 lock이 없습니다/);
    await screenshot(page, 'bursts-operations-error-ko-1280');
    await page.click('#lang-en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('#p1-bursts-error'), /no lock of this mutex comes before this unlock/);
    await page.fill('#p1-bursts', '2 lock');
    await page.waitForFunction(() => /no mutex or semaphore name after it/.test(document.querySelector('#p1-bursts-error')?.textContent ?? ''));
    assert.equal(await page.inputValue('#p1-bursts'), '2 lock');
  } finally {
    await context.close();
  }
});

test('a lock kept at exit is named beside the rules, in both languages, as the CLI says', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await typeWorkload(page, [{ bursts: '2 lock m 3 unlock m' }, { bursts: '5 io3 2 lock m' }]);
    await choosePolicy(page, 'rr', 4);
    await waitForFreshResults(page);
    const said = await page.textContent('.held-at-exit');
    assert.match(said, /^P2 exited still holding the lock m \(it locked it and never unlocked it\)/);
    const file = await download(page, '#download-json');
    const path = join(scratch, 'held-at-exit.json');
    await writeFile(path, file.bytes);
    const cli = (await proclab('run', path)).split('\n');
    assert.ok(cli.includes(said), `the CLI says ${JSON.stringify(said)} too`);
    await page.click('#lang-ko');
    await page.waitForFunction(() => /^P2가 락 m을 잡은 채 끝났습니다/.test(document.querySelector('.held-at-exit')?.textContent ?? ''));
    // Unlocked before the end: nothing to say.
    await page.fill('#p1-bursts', '5 io3 2 lock m 1 unlock m');
    await waitForFreshResults(page);
    await page.waitForFunction(() => !document.querySelector('.held-at-exit'));
  });
});

test('an I/O of 0 ticks is said to leave the CPU beside the rules, in both languages, as the CLI says', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await typeWorkload(page, [{ bursts: '4' }, { bursts: '3 io0 2' }]);
    await waitForFreshResults(page);
    const said = await page.textContent('#zero-io');
    assert.equal(said, "Item 2 of P2's bursts is an I/O of 0 ticks: P2 still asks for I/O, so it leaves the CPU there, goes Blocked and is back in the ready queue at once.");
    const file = await download(page, '#download-json');
    const path = join(scratch, 'zero-io.json');
    await writeFile(path, file.bytes);
    const cli = (await proclab('run', path)).split('\n');
    assert.ok(cli.includes(said), `the CLI says ${JSON.stringify(said)} too`);
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.querySelector('#zero-io')?.textContent.startsWith('P2의 버스트 칸 2번째 항목은 0틱짜리 I/O입니다.'));
    await page.fill('#p1-bursts', '3 io1 2');
    await waitForFreshResults(page);
    await page.waitForFunction(() => !document.querySelector('#zero-io'));
  });
});

test('a semaphore between bursts: its initial value field appears, changes the run as the CLI says, and explains a bad item in both languages', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    assert.equal(await page.locator('#semaphores').count(), 0, 'no semaphore field before any bursts name one');
    await typeWorkload(page, [{ bursts: '1 wait s 3 signal s' }, { bursts: '1 P(s) 1 V(s)' }]);
    await choosePolicy(page, 'rr', 2);
    // At 0 both wait for ever: the run stops and says so.
    await page.waitForSelector('#semaphores');
    await page.waitForSelector('#run-stopped');
    // Its format is on the page, not only in a tooltip a phone cannot show.
    assert.match(await page.textContent('#semaphores ~ .field-hint'), /^name=value, e\.g\. s=1 full=0\. A semaphore not listed starts at 0\.$/);
    // Both wait on a semaphore nobody holds: stuck, with no cycle to call a deadlock.
    await page.waitForSelector('#program-end');
    assert.match(await page.textContent('#program-end'), /^Stuck at tick \d+: P1 waits for shared semaphore s; P2 waits for shared semaphore s\. There is no cycle in the graph/);
    await page.fill('#semaphores', 's=1');
    await waitForFreshResults(page);
    assert.equal(await page.locator('#run-stopped').count(), 0, 'at 1 they take turns and finish');
    const shown = await readNumbers(page);
    const file = await download(page, '#download-json');
    const scenario = JSON.parse(file.bytes.toString('utf8'));
    assert.deepEqual(scenario.semaphores, [{ name: 's', initial: 1 }]);
    const path = join(scratch, 'bursts-semaphore.json');
    await writeFile(path, file.bytes);
    const cli = await cliRun(path);
    assert.deepEqual(shown.rows, cliNumbers(cli).rows);
    // The ticks each waited on the semaphore have a column, so every row adds up to its turnaround.
    await page.check('#more-metrics');
    const table = await page.$$eval('#metrics-table tbody tr[data-pid]', (rows) => rows.map((row) => Object.fromEntries(
      ['turnaround', 'waiting', 'cpu', 'io', 'sync', 'switch', 'stall'].map((name) => [name, Number(row.querySelector(`td.${name}`).textContent)]))));
    const blocked = cli.metrics.processes.map((process) => cli.metrics.threads
      .filter((thread) => thread.thread.pid === process.pid).reduce((sum, thread) => sum + thread.blocked, 0));
    assert.deepEqual(table.map((row) => row.sync), blocked);
    assert.ok(blocked.some((ticks) => ticks > 0), 'someone waited on s');
    for (const row of table) assert.equal(row.cpu + row.io + row.sync + row.waiting + row.switch + row.stall, row.turnaround);
    await page.uncheck('#more-metrics');
    await screenshot(page, 'bursts-semaphore-en-1280');
    // A bad item and a name no bursts use, kept as typed, in both languages.
    await page.fill('#semaphores', 's=1 t');
    await page.waitForSelector('#semaphores-error');
    assert.match(await page.textContent('#semaphores-error'), /write each semaphore's initial value as name=value/);
    await page.fill('#semaphores', 's=1 full=0');
    await page.waitForFunction(() => /no bursts wait for or signal this name/.test(document.querySelector('#semaphores-error')?.textContent ?? ''));
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#semaphores-error'), /wait하거나 signal하는 버스트가 없습니다/);
    assert.equal(await page.inputValue('#semaphores'), 's=1 full=0');
    await page.setViewportSize({ width: 390, height: 900 });
    await screenshot(page, 'bursts-semaphore-ko-390');
  });
});

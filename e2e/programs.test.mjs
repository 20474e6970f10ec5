// Threads that run instructions, end to end in Debian's Chromium: a program pasted into the
// editor runs and its final memory equals the native CLI's on the downloaded scenario; "you are
// the scheduler" played by clicks loses an update; its share link reopens the same run in a fresh
// profile; a program with mistakes is reported by line and nothing typed is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser, openPage, screenshot, scratchDirectory } from './harness.mjs';
import { download, cliRun, buildCli, watchDialogs, onFreshPage, scrubTo } from './page-helpers.mjs';

const TIMEOUT = { timeout: 180_000 };

/** The shared counter, as a student would paste it (comments and blank lines included). */
const COUNTER = `# two threads add 1 to one counter, %bx times each
.var counter
.main
.top
mov counter, %ax    # load
add $1, %ax         # add
mov %ax, counter    # store

sub $1, %bx
test $0, %bx
jgt .top
halt
`;

let server;
before(async () => {
  server = await startServer();
  await buildCli();
});
after(async () => { await server.close(); });

/** A fresh page with one process switched to a program, `source` pasted into its editor. */
async function pageWithProgram(context, source) {
  const { page, problems } = await openPage(context, server.url);
  watchDialogs(page, problems);
  await page.waitForSelector('#app-title');
  await page.click('#add-process');
  await page.click('#p0-program-toggle');
  await page.waitForSelector('#p0-program');
  // A paste: select everything in the editor and insert the clipboard's text in one input.
  await page.focus('#p0-program');
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(source);
  return { page, problems };
}

/** The value of `name` in process `pid`'s memory table at the tick shown. */
async function shownWord(page, pid, name) {
  const text = await page.textContent(`#memory-p${pid} tr[data-variable="${name}"] .value`);
  return Number(text.trim());
}

/** Moves playback to the end of the run. */
async function toEnd(page) {
  await page.click('#to-end');
  await page.waitForFunction(() => !document.querySelector('.results.stale'));
}

test('a pasted program runs and its final memory and registers equal the CLI on the downloaded scenario', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await pageWithProgram(context, COUNTER);
    await page.fill('#p0-t0-registers', 'bx=3');
    await page.fill('#p0-t1-registers', 'bx=3');
    await page.selectOption('#policy-kind', 'rr');
    await page.fill('#quantum', '4');
    await page.waitForSelector('#programs-title');
    await toEnd(page);
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    const counter = await shownWord(page, 0, 'counter');
    const lost = await page.textContent('#lost-count');
    const registers = await page.$$eval('#registers tbody tr', (rows) => rows.map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent.trim())));

    const file = await download(page, '#download-json');
    const { writeFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const path = join(await scratchDirectory('proclab-program-'), 'scenario.json');
    await writeFile(path, file.bytes);
    const cli = await cliRun(path);
    const word = cli.program.memory[0].words.find((entry) => entry.name === 'counter');
    assert.equal(counter, word.value, 'the page and the CLI end with the same counter');
    assert.equal(cli.program.end.kind, 'finished');
    // Two threads of 3 increments: RR q=4 splits a load from its store, so updates are lost,
    // exactly as many as the counter is short of 6.
    assert.ok(counter < 6, `the race must lose an update here, counter = ${counter}`);
    assert.match(lost, new RegExp(`: ${6 - counter}$`), `lost-update count: ${lost}`);
    // Registers: %ax of each thread is the last value it stored, as the CLI says.
    for (const [index, row] of registers.entries()) {
      assert.equal(Number(row[2]), cli.program.registers[index].ax, `%ax of thread ${index}`);
      assert.equal(Number(row[8]), cli.program.registers[index].sp, `%sp of thread ${index}`);
    }
    await screenshot(page, 'programs-race-en');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('you are the scheduler: clicks lose an update, the link replays it in a fresh profile', TIMEOUT, async () => {
  const source = await openBrowser({ locale: 'en-US' });
  let url;
  let choices;
  try {
    const { page, problems } = await pageWithProgram(source, COUNTER);
    await page.fill('#p0-t0-registers', 'bx=1');
    await page.fill('#p0-t1-registers', 'bx=1');
    // From the keyboard: the button that starts is replaced by the choices, and the focus goes
    // to the first of them rather than to the page.
    await page.focus('#scheduler-start');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#run-0-1');
    await page.waitForFunction(() => document.activeElement?.id === 'run-0-1');
    assert.equal(await page.getAttribute('#goal-0', 'data-reached'), 'false');
    // The policy is not in use while the student chooses, and the chart's sentence says whose
    // schedule it is, with no averages of a run that has only paused.
    assert.match(await page.textContent('#policy-unused'), /this policy is not used until you hand back/);
    const paused = await page.textContent('.gantt-chart .chart-takeaway');
    assert.match(paused, /^Your schedule: 1 process on 1 CPU pauses at t=0/);
    assert.doesNotMatch(paused, /average|RR/);
    // T1 loads, T2 loads, T1 adds and stores, T2 adds and stores: T2 overwrites T1's update.
    for (const id of ['#run-0-1', '#run-1-1', '#run-0-1', '#run-0-1', '#run-1-1', '#run-1-1']) {
      await page.click(id);
    }
    await page.waitForFunction(() => document.querySelector('#scheduler-choices')?.textContent.includes('(6)'));
    // At the run's last instant the CPU waits for the student's next choice, not for work.
    await toEnd(page);
    assert.equal((await page.textContent('#cpu-0')).trim(), 'CPU 0: waiting for your next choice');
    assert.equal(await page.getAttribute('#goal-0', 'data-reached'), 'true', 'the lost update is reached');
    assert.equal(await page.getAttribute('#goal-1', 'data-reached'), 'true', 'both threads were inside');
    assert.match(await page.textContent('#lost-count'), /: 1$/);
    assert.match(await page.textContent('#interleaving li.lost'), /overwrites P1\.T1's store/);
    // Undo takes the last choice back; choosing it again restores the loss.
    await page.click('#scheduler-undo');
    await page.waitForFunction(() => document.querySelector('#scheduler-choices')?.textContent.includes('(5)'));
    assert.equal(await page.getAttribute('#goal-0', 'data-reached'), 'false');
    await page.click('#run-1-1');
    await page.waitForFunction(() => document.querySelector('#scheduler-choices')?.textContent.includes('(6)'));
    // Finish both threads with "run 5" and read the counter at the end: 1, not 2.
    await page.click('#run-0-5');
    await page.click('#run-1-5');
    await page.waitForFunction(() => document.querySelector('#program-end')?.textContent.includes('every thread runs to its end'));
    await toEnd(page);
    assert.equal(await shownWord(page, 0, 'counter'), 1);
    choices = await page.textContent('#scheduler-choices');
    assert.match(await page.textContent('.gantt-chart .chart-takeaway'), /^Your schedule: 1 process on 1 CPU finishes at t=\d+; average waiting/);
    await page.click('#copy-link');
    await page.waitForFunction(() => location.hash.startsWith('#/?s='));
    url = await page.evaluate(() => location.href);
    await screenshot(page, 'programs-scheduler-en');
    assert.deepEqual(problems, []);
  } finally {
    await source.close();
  }

  await onFreshPage(url, async ({ page }) => {
    await toEnd(page);
    assert.equal(await shownWord(page, 0, 'counter'), 1, 'the link replays the same schedule');
    assert.equal(await page.textContent('#scheduler-choices'), choices);
    assert.equal(await page.getAttribute('#goal-0', 'data-reached'), 'true');
    assert.equal(await page.inputValue('#p0-program'), COUNTER, 'the program text survives the link');
    // The link opens in the language it was made in; the student switches to Korean.
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.match(await page.textContent('#policy-unused'), /정책에 맡기기/);
    assert.match(await page.textContent('.gantt-chart .chart-takeaway'), /^직접 고른 순서: /);
    await page.click('#scheduler-leave');
    await page.waitForSelector('#policy-unused', { state: 'detached' });
    assert.doesNotMatch(await page.textContent('.gantt-chart .chart-takeaway'), /^직접 고른 순서/, 'the policy decides again');
    // Said where the button was (the banner is at the top of the page), with its own Undo.
    const made = choices.match(/\((\d+)\)/)[1];
    assert.match(await page.textContent('#scheduler-set-aside'), new RegExp(`직접 고른 ${made}번의 선택을 치워 두었습니다. 지금 보이는 것은 t=0부터 정책이 스케줄한 실행입니다`));
    await page.click('#scheduler-bring-back');
    await page.waitForSelector('#policy-unused');
    assert.match(await page.textContent('#scheduler-choices'), new RegExp(`\\(${made}\\)`), 'the choices are back');
    assert.equal(await page.$('#scheduler-set-aside'), null);
  }, { locale: 'ko-KR', ready: '#programs-title' });
});

test('a program with mistakes is reported by line in both languages and nothing typed is lost', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const broken = `.var counter\n.main\nmov counter, %ax\nmove $1, %ax\njgt .nowhere\nhalt\n`;
    const { page, problems } = await pageWithProgram(context, broken);
    await page.waitForSelector('#p0-program-error');
    const english = await page.textContent('#p0-program-error');
    assert.match(english, /line 4/i, english);
    assert.match(english, /line 5/i, english);
    assert.equal(await page.locator('.code-box .gutter-line.bad').count(), 2, 'the gutter marks lines 4 and 5');
    // "Go to the first problem" puts the caret at the start of line 4, not at the text's end.
    await page.click('#go-to-problem');
    const caret = await page.evaluate(() => {
      const area = document.activeElement;
      return area && area.id === 'p0-program' ? [area.selectionStart, area.selectionEnd] : null;
    });
    const lineFour = broken.split('\n').slice(0, 3).join('\n').length + 1;
    assert.deepEqual(caret, [lineFour, lineFour], 'the caret at the first bad line');
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    const korean = await page.textContent('#p0-program-error');
    assert.match(korean, /4/, korean);
    assert.notEqual(korean, english);
    assert.equal(await page.inputValue('#p0-program'), broken, 'the text stays as typed');
    // Switching the process back to bursts and to a program again keeps the text.
    await page.click('#p0-program-toggle');
    await page.waitForSelector('#p0-program', { state: 'detached' });
    await page.click('#p0-program-toggle');
    assert.equal(await page.inputValue('#p0-program'), broken);
    await screenshot(page, 'programs-errors-ko');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a thread blocked on a mutex offers no choice and says why until the holder releases it', TIMEOUT, async () => {
  const context = await openBrowser({ viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await pageWithProgram(context, `.mutex m
.main
lock m
mov $1, %ax
unlock m
halt
`);
    await page.click('#scheduler-start');
    // T1 takes m; T2 asks for it and blocks.
    await page.click('#run-0-1');
    await page.click('#run-1-1');
    await page.waitForSelector('#blocked-1');
    assert.match(await page.textContent('#blocked-1'), /P1\.T2.*blocked on m/);
    assert.equal(await page.$('#run-1-1'), null, 'no choice that would be used up without running');
    assert.equal(await page.$('#run-1-5'), null);
    assert.ok(await page.$('#run-0-1'), 'the holder can still be chosen');
    // No variable, one mutex: only the goal of starving a thread fits this program.
    assert.deepEqual(await page.$$eval('.goals li', (items) => items.map((item) => item.id)), ['goal-2']);
    assert.equal(await page.$('#lost-count'), null);
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.querySelector('#blocked-1')?.textContent.includes('m에서 블록됨'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await page.locator('#scheduler').scrollIntoViewIfNeeded();
    await screenshot(page, 'programs-blocked-phone-ko');
    // T1 stores and unlocks: m goes to T2, which may be chosen again.
    await page.click('#run-0-1');
    await page.click('#run-0-1');
    await page.waitForSelector('#run-1-1');
    assert.equal(await page.$('#blocked-1'), null);
    assert.match(await page.textContent('#scheduler-choices'), /\(4\)/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('an example\'s program comments follow the page language; a student\'s own comment stays', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR' });
  try {
    const { page, problems } = await openPage(context, server.url);
    watchDialogs(page, problems);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#p0-program');
    assert.match(await page.inputValue('#p0-program'), /# 읽기/);
    // The student adds a comment of their own at the end.
    await page.focus('#p0-program');
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('# 내 메모\n');
    await page.click('#lang-en');
    await page.waitForFunction(() => document.querySelector('#p0-program')?.value.includes('# load'));
    const english = await page.inputValue('#p0-program');
    assert.doesNotMatch(english, /# 읽기/);
    assert.match(english, /# 내 메모\n$/, 'the student\'s own comment stays as typed');
    await page.click('#lang-ko');
    await page.waitForFunction(() => document.querySelector('#p0-program')?.value.includes('# 읽기'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the programs panel fits a 390 px phone in Korean without sideways scrolling of the page', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await pageWithProgram(context, COUNTER);
    await page.click('#scheduler-start');
    await page.click('#run-0-5');
    await page.click('#run-1-5');
    await page.waitForFunction(() => document.querySelector('#scheduler-choices')?.textContent.includes('(10)'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    await screenshot(page, 'programs-phone-ko');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the step buttons stay beside the code, memory and registers as they scroll, and move the machine too', TIMEOUT, async () => {
  for (const viewport of [{ width: 1366, height: 800 }, { width: 390, height: 844 }]) {
    await onFreshPage(server.url, async ({ page }) => {
      await page.selectOption('#preset-select', 'race-two-threads');
      await page.waitForSelector('#steps-clock');
      const counter = () => page.textContent('#memory-p0 tbody tr td:nth-child(3)');
      // Scrolled down to the registers, the bar is still on screen.
      await page.locator('.programs table').last().scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      const bar = await page.locator('.step-bar').boundingBox();
      assert.ok(bar.y >= 0 && bar.y + bar.height <= viewport.height, `${viewport.width}: the bar is at ${bar.y}`);
      const before = await counter();
      for (let step = 0; step < 40 && (await counter()) === before; step += 1) await page.click('#steps-event-forward');
      assert.notEqual(await counter(), before, 'stepping changed the counter in memory');
      const shown = await page.textContent('#steps-clock');
      assert.equal(shown, await page.textContent('#clock'), 'the machine is at the same tick');
      await page.click('#steps-tick-back');
      assert.notEqual(await page.textContent('#steps-clock'), shown);
      assert.equal(await page.textContent('#steps-clock'), await page.textContent('#clock'));
    }, { viewport });
  }
});

test('a process of several threads marks its summed cells, and the note says why a sum can pass its turnaround', TIMEOUT, async () => {
  await onFreshPage(server.url, async ({ page }) => {
    await page.selectOption('#preset-select', 'philosophers-deadlock');
    await page.waitForSelector('#summed-note');
    const cell = await page.$eval('#metrics-table tbody tr td.waiting', (td) => ({
      text: td.textContent, title: td.title, mark: getComputedStyle(td, '::before').content,
    }));
    assert.match(cell.text, /^\d+$/, 'the number itself is plain');
    assert.equal(cell.mark, '"Σ "');
    assert.match(cell.title, /^the sum over its \d+ threads$/);
    // One thread a process: no mark, no note.
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await page.waitForFunction(() => !document.querySelector('#summed-note'));
    assert.equal(await page.locator('#metrics-table td[data-summed]').count(), 0);
  });
});

test('the starter program speaks the page language: its comments in Korean, its run the same', TIMEOUT, async () => {
  const runs = {};
  for (const locale of ['en-US', 'ko-KR']) {
    const context = await openBrowser({ locale, viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.waitForSelector('#app-title');
      await page.click('#add-process');
      await page.click('#p0-program-toggle');
      await page.waitForSelector('#p0-program');
      const program = await page.inputValue('#p0-program');
      if (locale === 'ko-KR') {
        assert.match(program, /^# 공유 카운터에 1을 %bx번 더함\n/, program);
        assert.match(program, /mov counter, %ax\s+# 읽기/, program);
        assert.doesNotMatch(program, /shared counter|# load/, program);
      } else {
        assert.match(program, /^# add 1 to a shared counter, %bx times\n/, program);
      }
      await page.click('#to-end');
      await page.waitForFunction(() => !document.querySelector('.results.stale'));
      runs[locale] = await shownWord(page, 0, 'counter');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
  assert.equal(runs['ko-KR'], runs['en-US'], 'the same final counter in both languages');
});

test('presented, a program run shows its counter and the updates lost so far beside the playback buttons, as the programs panel has them', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1920, height: 1080 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#present');
    assert.equal(await page.$('#present-memory'), null, 'only while presenting');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'End']) {
      await page.keyboard.press(key);
      const shown = await shownWord(page, 0, 'counter');
      const lost = (await page.textContent('#lost-count')).match(/: (\d+)$/)?.[1] ?? '0';
      const line = await page.textContent('#present-memory');
      assert.ok(line.startsWith(`counter = ${shown} · Updates lost: `), line);
      if (key === 'End') assert.equal(line, `counter = ${shown} · Updates lost: ${lost}`);
    }
    assert.ok(/Updates lost: [1-9]/.test(await page.textContent('#present-memory')), 'the race loses an update by its end');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('not presented, the same line stands under the picture and follows playback (on a phone the programs panel is screens above)', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#watch-memory');
    assert.equal(await page.$('#present-memory'), null, 'the bar has it only while presenting');
    const said = new Set();
    for (const tick of [0, 12, 30]) {
      await scrubTo(page, tick);
      const shown = await shownWord(page, 0, 'counter');
      const line = await page.textContent('#watch-memory');
      assert.ok(line.startsWith(`counter = ${shown} · 잃어버린 갱신: `), `t=${tick}: ${line}`);
      said.add(line);
    }
    assert.ok(said.size > 1, 'the line follows playback');
    await toEnd(page);
    const lost = (await page.textContent('#lost-count')).match(/: (\d+)$/)?.[1];
    assert.equal(await page.textContent('#watch-memory'), `counter = ${await shownWord(page, 0, 'counter')} · 잃어버린 갱신: ${lost}`);
    // Under the picture, not screens away from it.
    await page.$eval('#watch-canvas', (canvas) => {
      canvas.scrollIntoView({ block: 'end' });
      window.scrollBy(0, 200);
    });
    const [canvas, line] = await page.evaluate(() => ['#watch-canvas', '#watch-memory']
      .map((selector) => document.querySelector(selector).getBoundingClientRect()));
    assert.ok(line.top >= canvas.bottom && line.top - canvas.bottom < 120, `${canvas.bottom} then ${line.top}`);
    // With the top of the picture on screen, the line is at the screen's foot, not below it (a
    // student playing the race saw the diagram and not the counter).
    await page.$eval('#watch-title', (title) => title.scrollIntoView({ block: 'start' }));
    const [stuck, picture, screen] = await page.evaluate(() => [...['#watch-memory', '#watch-canvas']
      .map((selector) => document.querySelector(selector).getBoundingClientRect().toJSON()), window.innerHeight]);
    assert.ok(picture.bottom > screen, 'the picture runs past the screen');
    assert.ok(stuck.bottom <= screen + 1 && stuck.top > screen / 2, `the line at ${stuck.top}-${stuck.bottom} of ${screen}`);
    // A run without programs has none.
    await page.selectOption('#preset-select', 'fcfs-convoy');
    await page.waitForFunction(() => !document.querySelector('#watch-memory'));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a tick with no event of its own says which line each CPU runs, in the caption and the picture\'s words, in both languages', TIMEOUT, async () => {
  for (const [locale, pattern] of [
    ['en-US', /^t=(\d+): CPU 0 runs line (\d+) of (P1\.T[12]): (.+)\.$/],
    ['ko-KR', /^t=(\d+): CPU 0이 (P1\.T[12])의 (\d+)행을 실행합니다: (.+)\.$/],
  ]) {
    const context = await openBrowser({ locale, viewport: { width: 1366, height: 768 } });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.waitForSelector('#app-title');
      await page.selectOption('#preset-select', 'race-two-threads');
      await page.waitForSelector('#present');
      const program = (await page.inputValue('#p0-program')).split('\n');
      await page.click('#present');
      await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
      await page.keyboard.press('Home');
      // Step until a tick whose log has no line of its own: a thread just runs an instruction.
      let caption = [];
      for (let step = 0; step < 12; step++) {
        await page.keyboard.press('ArrowRight');
        if ((await page.$$('#event-log li.now')).length === 0) {
          caption = await page.$$eval('#present-caption p', (lines) => lines.map((line) => line.textContent));
          if (caption.length === 1 && pattern.test(caption[0])) break;
        }
        caption = [];
      }
      assert.equal(caption.length, 1, 'a quiet tick was found and captioned');
      const match = caption[0].match(pattern);
      const [line, code] = locale === 'en-US' ? [match[2], match[4]] : [match[3], match[4]];
      // The line named is the program's, its text as written there without its comment.
      assert.equal(program[Number(line) - 1].split('#')[0].trim(), code);
      assert.ok((await page.getAttribute('#watch-canvas', 'aria-label')).endsWith(caption[0]));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('presented, the programs stand beside the picture with the line each thread runs next, kept in view as the run goes on', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#present');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.keyboard.press('Home');
    for (let step = 0; step < 5; step++) await page.keyboard.press('ArrowRight');
    const [code, canvas] = await page.evaluate(() => ['#present-code', '#watch-canvas'].map((selector) => {
      const box = document.querySelector(selector).getBoundingClientRect();
      return { left: box.left, right: box.right, bottom: box.bottom };
    }));
    assert.ok(code.left >= canvas.right && code.right <= 1280, `the listing (${code.left}-${code.right}) beside the picture (to ${canvas.right})`);
    // The caption's line is the listing's marked line for the thread that runs it.
    const caption = await page.textContent('#present-caption p');
    const [, line, thread] = caption.match(/runs line (\d+) of (P1\.T\d)/);
    const marked = await page.$$eval('#present-listing-p0 li', (items) => items
      .map((item, index) => [index + 1, item.querySelector('.here')?.textContent ?? ''])
      .filter(([, here]) => here));
    assert.ok(marked.some(([at, here]) => at === Number(line) && here.includes(thread)), `${caption} | ${JSON.stringify(marked)}`);
    // The same marks as the programs panel's, without the comments.
    const panel = await page.$$eval('#listing-p0 li .here', (marks) => marks.map((mark) => mark.textContent));
    assert.deepEqual(marked.map(([, here]) => here), panel);
    // Code without its comment; a comment on a line of its own stays (no blank numbered lines).
    const texts = await page.$$eval('#present-listing-p0 code', (codes) => codes.map((code) => code.textContent.trim()));
    assert.ok(texts.every((text) => !text.includes('#') || text.startsWith('#')), texts.join(' | '));
    assert.ok(texts[0].startsWith('#'), texts[0]);
    // A long program scrolls in its box, the lines being run kept in view.
    await page.keyboard.press('Escape');
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForFunction(() => !document.querySelector('.watch').classList.contains('presenting'));
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.fill('#scrub', '150');
    await page.waitForFunction(() => document.querySelector('#clock')?.textContent.startsWith('t = 150 '));
    assert.ok(await page.$eval('#present-code', (element) => element.scrollTop > 0), 'the box scrolled to the lines being run');
    // Tick by tick, the line the CPU runs is in the box, and the box on the screen (the other
    // thread's next line, far above, had been the one kept in view).
    await page.keyboard.press('Home');
    let running = 0;
    for (let step = 0; step < 40; step++) {
      await page.keyboard.press('ArrowRight');
      const seen = await page.evaluate(() => {
        const box = document.querySelector('#present-code');
        const line = box.querySelector('li.running');
        if (!line) return null;
        const [outer, inner] = [box.getBoundingClientRect(), line.getBoundingClientRect()];
        return { inside: inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1, bottom: outer.bottom, tick: document.querySelector('#clock').textContent };
      });
      if (seen) {
        running += 1;
        assert.ok(seen.inside, `${seen.tick}: the running line is out of the listing's view`);
        assert.ok(seen.bottom <= 720, `${seen.tick}: the listing ends at ${seen.bottom}px of 720`);
      }
    }
    assert.ok(running >= 20, `a CPU ran a line of the listing at ${running} of 40 ticks`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('presented on a phone, the semaphores\' line is as wide as the bar and the caption holds every event of a tick', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'ko-KR', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForSelector('#present');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.fill('#scrub', '46');
    await page.waitForFunction(() => document.querySelector('#clock')?.textContent.startsWith('t = 46 '));
    // In a sixth of the bar it had shown "m: 풀.." and nothing of the semaphores.
    const [line, bar] = await page.$eval('#present-memory', (span) => [span.getBoundingClientRect().width, span.parentElement.getBoundingClientRect().width]);
    assert.ok(line >= 0.9 * bar, `the line is ${line}px of a ${bar}px bar`);
    assert.match(await page.textContent('#present-memory'), /empty: 값 0 \(대기: P1\.T1\)/);
    // Two events at one tick wrap to four lines on a phone: the box grows rather than cut them.
    await page.click('#present');
    await page.selectOption('#preset-select', 'rr-silberschatz');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.fill('#scrub', '4');
    await page.waitForFunction(() => document.querySelectorAll('#present-caption p').length === 2);
    const [scroll, client] = await page.$eval('#present-caption', (box) => [box.scrollHeight, box.clientHeight]);
    assert.ok(scroll <= client + 1, `the caption hides ${scroll - client}px`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a long program scrolls inside its editor, both ways, the line numbers beside their lines and the caret in sight as it is typed or moved', TIMEOUT, async () => {
  for (const [locale, viewport] of [['en-US', { width: 1366, height: 768 }], ['ko-KR', { width: 390, height: 844 }]]) {
    const context = await openBrowser({ locale, viewport });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.waitForSelector('#app-title');
      await page.selectOption('#preset-select', 'producer-consumer-semaphores');
      await page.waitForSelector('#p0-program');
      // The box scrolls, not the text inside it: its sideways scroll bar is under the box in
      // sight, not under the program's last line a thousand pixels down.
      const box = await page.$eval('.code-box', (element) => {
        const text = element.querySelector('textarea');
        return {
          height: element.clientHeight, tall: element.scrollHeight,
          width: element.clientWidth, wide: element.scrollWidth,
          textHidden: text.scrollWidth - text.clientWidth,
        };
      });
      assert.ok(box.tall > box.height && box.height <= 0.8 * viewport.height, `the box is ${box.height}px of ${box.tall}px`);
      assert.ok(box.wide > box.width, 'the longest comment reaches beyond the box, which scrolls to it');
      assert.ok(box.textHidden <= 1, `the text hides ${box.textHidden}px of itself`);
      // Typing a last line brings it into the box's view; line numbers stay one line each.
      await page.focus('#p0-program');
      await page.keyboard.press('Control+End');
      await page.keyboard.type('\n# typed last');
      await page.waitForFunction(() => {
        const element = document.querySelector('.code-box');
        return element.scrollTop >= element.scrollHeight - element.clientHeight - 40;
      });
      const heights = await page.$$eval('.code-box .gutter-line', (lines) => [...new Set(lines.map((line) => Math.round(line.getBoundingClientRect().height)))]);
      assert.equal(heights.length, 1, `line numbers of one height: ${heights}`);
      // The caret at the end of the longest line scrolls the box sideways; Home on the line
      // below brings the lines' first characters back out from under the line numbers.
      await page.$eval('#p0-program', (text) => {
        const lines = text.value.split('\n');
        const longest = lines.reduce((best, line, index) => (line.length > lines[best].length ? index : best), 0);
        const end = lines.slice(0, longest + 1).join('\n').length;
        text.setSelectionRange(end, end);
      });
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.querySelector('.code-box').scrollLeft > 100);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Home');
      await page.waitForFunction(() => document.querySelector('.code-box').scrollLeft < 100);
      const cover = await page.$eval('.code-box', (element) => {
        const gutter = element.querySelector('.gutter').getBoundingClientRect();
        const text = element.querySelector('textarea');
        const firstColumn = text.getBoundingClientRect().left + parseFloat(getComputedStyle(text).paddingLeft);
        return { gutterRight: gutter.right, firstColumn };
      });
      assert.ok(cover.firstColumn >= cover.gutterRight - 1,
        `the first column at ${cover.firstColumn}px, under line numbers ending at ${cover.gutterRight}px`);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('a race looped longer than its budget says where to raise it, and the machine\'s instruction budget lets it finish', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US' });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'race-two-threads');
    await page.waitForSelector('#p0-t0-registers');
    await page.fill('#p0-t0-registers', 'bx=1000');
    await page.fill('#p0-t1-registers', 'bx=1000');
    await page.waitForSelector('#run-stopped');
    assert.match(await page.textContent('#run-stopped'), /instruction budget ran out.*raise it under Machine, "Instruction budget"/);
    // Beside the programs too, where the student reads how the run ended.
    assert.match(await page.textContent('#program-end'), /^Stopped after \d+ instructions, the budget: .* raise the instruction budget under Machine/);
    await page.click('#machine-settings summary');
    const budget = Number(await page.inputValue('#instruction-budget'));
    assert.ok(budget > 0 && budget < 6_000, `the example's budget, ${budget}, is below 2 x 1,000 x 3 instructions`);
    await page.fill('#instruction-budget', '100000');
    await page.waitForFunction(() => !document.querySelector('#run-stopped'));
    assert.match(await page.textContent('#machine-settings'), /Instruction budget/);
    // Out of range: said at the field, in its words.
    await page.fill('#instruction-budget', '0');
    await page.waitForSelector('#instruction-budget[aria-invalid="true"]');
    assert.match(await page.textContent('#instruction-budget-error'), /between 1 and 1000000|between 1 and 1,000,000/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('presented at 1366 x 768, an example\'s lesson is clear of the buttons, the semaphores\' line shows whole, and the machine fits the screen', TIMEOUT, async () => {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1366, height: 768 } });
  try {
    const { page, problems } = await openPage(context, server.url);
    await page.waitForSelector('#app-title');
    await page.selectOption('#preset-select', 'producer-consumer-semaphores');
    await page.waitForSelector('#present');
    await page.click('#present');
    await page.waitForFunction(() => document.querySelector('.watch').classList.contains('presenting'));
    await page.fill('#scrub', '50');
    await page.waitForFunction(() => document.querySelector('#clock')?.textContent.startsWith('t = 50 '));
    // The fixed buttons had covered the lesson's middle.
    const [lesson, buttons] = await page.evaluate(() => [
      document.querySelector('#watch-lesson').getBoundingClientRect().right,
      document.querySelector('#present-to-gantt').getBoundingClientRect().left,
    ]);
    assert.ok(lesson <= buttons, `the lesson ends at ${lesson}px, the buttons start at ${buttons}px`);
    // In a fifth of the bar the line had stopped at "empty: value 0 (waiting: P1.T1) ·…": the
    // mutex and both semaphores are in sight now (the buffer's words after them may be cut).
    const [shown, line] = await page.$eval('#present-memory', (memory) => {
      const walker = document.createTreeWalker(memory, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf('full: value 3');
        if (at >= 0) {
          range.setStart(node, at);
          range.setEnd(node, at + 'full: value 3'.length);
          return [range.getBoundingClientRect().bottom, memory.getBoundingClientRect().bottom];
        }
      }
      return [Infinity, 0];
    });
    assert.ok(shown <= line + 1, `"full: value 3" ends at ${shown}px, below the line's ${line}px`);
    const bottom = await page.$eval('#watch-canvas', (canvas) => canvas.getBoundingClientRect().bottom);
    assert.ok(bottom <= 768, `the machine's picture ends at ${bottom}px of 768`);
    // Scrolled down to the chart, the bar stuck at the top stays clear of the fixed buttons
    // (they had hidden the middle of the semaphores' line).
    await page.mouse.move(683, 600);
    await page.mouse.wheel(0, 600);
    await page.waitForFunction(() => document.querySelector('#watch-lesson').getBoundingClientRect().bottom < 0);
    const [head, bar] = await page.evaluate(() => [
      document.querySelector('.watch-head').getBoundingClientRect().bottom,
      document.querySelector('#present-memory').getBoundingClientRect().top,
    ]);
    assert.ok(bar >= head, `the line starts at ${bar}px, the buttons end at ${head}px`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('two processes mapping one shared segment are drawn as the textbook draws them: each address space, the segment between, its words as both tables have them', TIMEOUT, async () => {
  for (const [locale, viewport] of [['en-US', { width: 1280, height: 900 }], ['ko-KR', { width: 390, height: 844 }]]) {
    const context = await openBrowser({ locale, viewport });
    try {
      const { page, problems } = await openPage(context, server.url);
      await page.waitForSelector('#app-title');
      // One process of two threads shares its whole address space: no segment to draw.
      await page.selectOption('#preset-select', 'race-two-threads');
      await page.waitForSelector('#memory-p0');
      assert.equal(await page.$('#shm-figure'), null);
      await page.selectOption('#preset-select', 'shm-race');
      await page.waitForSelector('#shm-figure');
      const names = await page.$$eval('#shm-figure .shm-process strong', (items) => items.map((item) => item.textContent));
      assert.deepEqual(names, ['P1', 'P2']);
      for (const key of ['Home', 'End']) {
        await page.keyboard.press(key);
        await page.waitForFunction(() => !document.querySelector('.results.stale'));
        const first = await shownWord(page, 0, 'counter');
        assert.equal(await shownWord(page, 1, 'counter'), first, 'one word, seen by both');
        const drawn = await page.textContent('#shm-figure .shm-segment li[data-variable="counter"] code');
        assert.equal(drawn, `counter = ${first}`);
        if (key === 'Home') assert.equal(first, 0);
      }
      assert.match(await page.textContent('#shm-figure figcaption'), locale === 'en-US'
        ? /^P1 and P2 map the same segment \(at address \d+ in each\)/ : /^P1, P2가 같은 세그먼트를 매핑합니다/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${locale}: the page scrolls sideways by ${overflow}px`);
      // The processes stand beside the segment on a laptop, above and below it on a phone.
      const [p1, segment] = await Promise.all(['#shm-figure .shm-process', '#shm-figure .shm-segment'].map((s) => page.locator(s).first().boundingBox()));
      if (viewport.width > 600) assert.ok(p1.x + p1.width <= segment.x, 'P1 to the left of the segment');
      else assert.ok(p1.y + p1.height <= segment.y, 'P1 above the segment');
      await page.$eval('#shm-figure', (element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 200));
      await screenshot(page, `programs-shm-${locale}-${viewport.width}`);
      // A semaphore declared in the segment is drawn in it, in the state its table gives.
      await page.selectOption('#preset-select', 'shm-semaphore');
      await page.waitForSelector('#shm-figure li[data-sync="mutex"]');
      const table = await page.textContent('#sync-shared tr[data-sync="mutex"] .sync-state');
      assert.ok((await page.textContent('#shm-figure li[data-sync="mutex"]')).endsWith(`: ${table}`));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

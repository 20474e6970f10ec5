// Typing into a large workload, measured in Debian's Chromium on the release build in dist/ (a
// benchmark, not a test: it prints, it asserts nothing).
//   trunk build --release --offline && node bench/typing.mjs
// For 100, 1,000 and 10,000 processes under FCFS and RR q=1 (one CPU burst of 1..100 ticks
// each), a fresh profile uploads the workload, waits for the results, then types six keys into
// the first process's bursts field (150 ms apart, as a quick typist does) and reports the long
// tasks (PerformanceObserver `longtask`: main-thread tasks over 50 ms, when the page cannot
// answer) from the first key until 0.8 s after the last.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, scratchDirectory } from '../e2e/harness.mjs';
import { workload } from './workload.mjs';

const KEYS = ['1', '2', 'Backspace', 'Backspace', '3', 'Backspace'];


const server = await startServer();
const directory = await scratchDirectory('proclab-typing-');
console.log(`typing ${KEYS.length} keys into a bursts field: long tasks (over 50 ms) on the main thread`);
try {
  for (const count of [100, 1000, 10000]) {
    for (const [label, policy] of [['FCFS', { kind: 'fcfs' }], ['RR q=1', { kind: 'rr', quantum: 1 }]]) {
      const file = join(directory, `typing-${count}-${policy.kind}.json`);
      await writeFile(file, JSON.stringify(workload(count, policy)));
      const context = await openBrowser({ locale: 'en-US', viewport: { width: 1366, height: 900 } });
      try {
        await context.addInitScript(() => {
          window.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto(server.url);
        await page.waitForSelector('#app-title');
        await page.setInputFiles('#upload-json', file);
        await page.waitForSelector('#metrics-table tbody tr[data-pid]', { timeout: 120_000 });
        await page.waitForFunction(() => !document.querySelector('#run-progress'), null, { timeout: 120_000 });
        await page.waitForTimeout(1500);
        const field = page.locator('table.workload tbody tr').first().locator('input').nth(2);
        await field.click();
        await field.press('End');
        await page.evaluate(() => { window.__longTasks = []; });
        for (const key of KEYS) {
          await field.press(key);
          await page.waitForTimeout(150);
        }
        await page.waitForTimeout(800);
        const tasks = await page.evaluate(() => window.__longTasks);
        const longest = Math.max(0, ...tasks);
        const name = `${count.toLocaleString('en-US')} processes, ${label}`;
        console.log(`${name.padEnd(26)} long tasks ${String(tasks.length).padStart(3)}   longest ${longest.toFixed(0).padStart(4)} ms`);
      } finally {
        await context.close();
      }
    }
  }
} finally {
  server.close();
}

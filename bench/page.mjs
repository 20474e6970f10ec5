// Measures the page in Debian's Chromium (a benchmark, not a test: it prints, it asserts nothing).
//   ./dev bench, or by hand: a release build with the frame-time recorder, then this script:
//   trunk build --release --features bench-frames --dist target/bench-dist
//   PROCLAB_DIST=target/bench-dist node bench/page.mjs
// (The recorder, which fills window.__proclabFrames, is the web crate's `bench-frames` feature;
// the shipped build in dist/ does not have it, so frame times need this build.)
// 1. First render: navigation start to the results of a preset on screen.
// 2. Frame times while the watch view plays 100 processes at 16x (median and 95th percentile).
// 3. Scrubbing a run of about 100,000 events: time from a scrub-bar jump to the painted frame.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, openPage, scratchDirectory } from '../e2e/harness.mjs';

function workload(processes, bursts, quantum) {
  return {
    version: 1,
    processes: Array.from({ length: processes }, (_, index) => ({
      name: `P${index + 1}`,
      arrival: index % 50,
      bursts: bursts.map((length, position) => (position % 2 === 0 ? { cpu: length + (index % 7) } : { io: length })),
    })),
    policy: { kind: 'rr', quantum },
  };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

async function load(page, spec) {
  const directory = await scratchDirectory('proclab-bench-');
  const file = join(directory, 'scenario.json');
  await writeFile(file, JSON.stringify(spec));
  await page.setInputFiles('#upload-json', file);
  await page.waitForSelector('#watch-canvas');
}

const server = await startServer();
const context = await openBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
try {
  const { page, problems } = await openPage(context, server.url);
  await page.waitForSelector('#app-title');
  const started = await page.evaluate(() => performance.now());
  await page.selectOption('#preset-select', 'fcfs-convoy');
  await page.waitForSelector('#metrics-table');
  const shown = await page.evaluate(() => performance.now());
  const navigation = await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd);
  console.log(`first render: page interactive after ${navigation.toFixed(0)} ms; preset to results ${(shown - started).toFixed(0)} ms`);

  await load(page, workload(100, [6, 3, 6], 2));
  await page.selectOption('#speed', '6');
  await page.evaluate(() => { window.__proclabFrames = []; });
  await page.click('#play');
  await page.waitForTimeout(6000);
  await page.click('#play');
  const frames = (await page.evaluate(() => window.__proclabFrames)).slice(5);
  if (frames.length === 0) {
    throw new Error('no frame times were recorded: build with `--features bench-frames` (see the top of this file)');
  }
  console.log(`frames, 100 processes at 16x: ${frames.length} frames, median ${percentile(frames, 50).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms`);

  await load(page, workload(2300, [20, 5, 20], 2));
  const end = Number(await page.getAttribute('#scrub', 'max'));
  const jumps = [];
  for (let index = 0; index < 30; index += 1) {
    const target = Math.floor(((index * 7919) % 997) / 997 * end);
    jumps.push(await page.evaluate(async (tick) => {
      const scrub = document.querySelector('#scrub');
      const before = performance.now();
      scrub.value = String(tick);
      scrub.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const canvas = document.querySelector('#watch-canvas');
      if (canvas.dataset.tick !== String(tick)) throw new Error(`canvas shows ${canvas.dataset.tick}, not ${tick}`);
      return performance.now() - before;
    }, target));
  }
  console.log(`scrub, 2300 processes (${end} ticks): ${jumps.length} jumps, median ${percentile(jumps, 50).toFixed(1)} ms, p95 ${percentile(jumps, 95).toFixed(1)} ms, max ${Math.max(...jumps).toFixed(1)} ms`);
  if (problems.length) console.log('problems:', problems);
} finally {
  await context.close();
  await server.close();
}

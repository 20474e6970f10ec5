// Uploading a scenario file, measured in Debian's Chromium on the release build in dist/ (a
// benchmark, not a test: it prints, it asserts nothing).
//   trunk build --release --offline && node bench/upload.mjs [--runs N] [--only TEXT] [--profile]
// For each workload (100, 1,000 and 10,000 processes, one CPU burst each of 1..100 ticks, all
// arriving at 0; two threads running a program that stops at its instruction budget), each run
// opens a fresh browser profile (so no autosaved workspace is restored), uploads the file through
// #upload-json and reports:
//   - upload to results: from the input's `change` event (the page has the file; the driver's
//     round trip before it is not the page's time) until the first row of the metrics table
//     (`#metrics-table tbody tr[data-pid]`) is painted (its render time, by Element Timing);
//   - the longest main-thread task (PerformanceObserver `longtask`, registered before the page's
//     own scripts) from the upload until 1 s after the results are painted: while it runs the
//     page is frozen.
// Medians of the runs are printed, with the minimum and maximum to show the machine's noise.
// --profile records one more run of each workload with Chromium's sampling profiler (CDP
// Profiler.start/stop) into target/bench-upload/*.cpuprofile and prints the heaviest functions by
// self time. Wasm functions show as wasm-function[N] in the shipped build (wasm-opt drops the
// name section); for names, copy dist/ elsewhere, run `wasm-bindgen --target web --keep-debug`
// on target/wasm32-unknown-unknown/release/proclab-web.wasm into it under the same file names
// (the app's files carry no integrity hash, so the page loads them), and point PROCLAB_DIST at it.
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, ROOT, scratchDirectory } from '../e2e/harness.mjs';
import { workload, spinningProgram } from './workload.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('--runs', 5);
const PROFILE = process.argv.includes('--profile');
// --only TEXT: just the workloads whose name contains TEXT.
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
const SETTLE_MS = 1000;


const CASES = [
  { name: '100 processes, FCFS', spec: workload(100, { kind: 'fcfs' }) },
  { name: '1,000 processes, FCFS', spec: workload(1000, { kind: 'fcfs' }) },
  { name: '10,000 processes, FCFS', spec: workload(10000, { kind: 'fcfs' }) },
  { name: '10,000 processes, RR q=1', spec: workload(10000, { kind: 'rr', quantum: 1 }) },
  { name: 'program, 100,000 instr.', spec: spinningProgram(100_000) },
  { name: 'program, 1,000,000 instr.', spec: spinningProgram(1_000_000) },
];

// Runs in the page before its scripts: every long task is kept in window.__longTasks.
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** One upload in a fresh profile: { shown, longest } in ms, and the CPU profile when asked. */
async function measure(url, file, { profile = false } = {}) {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
  try {
    await context.addInitScript(OBSERVE_LONG_TASKS);
    const page = context.pages()[0] ?? (await context.newPage());
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    await page.waitForSelector('#upload-json', { state: 'attached' });
    // Let the first render's work finish so it is not counted as the upload's.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    let session;
    if (profile) {
      session = await context.newCDPSession(page);
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 200 });
      await session.send('Profiler.start');
    }
    // Armed before the upload: the time of the input's change event (a capturing listener on the
    // window runs before the page's own), and a promise that resolves once the first metrics row
    // exists and has been painted.
    await page.evaluate(() => {
      window.addEventListener('change', () => { window.__uploaded = performance.now(); }, { capture: true, once: true });
      window.__shown = new Promise((resolve) => {
        const present = () => document.querySelector('#metrics-table tbody tr[data-pid]');
        // The time the first metrics row is painted, from Chromium's Element Timing: the row's
        // cells are marked before the frame that first paints them (a mutation observer runs
        // before that frame), and the browser reports the frame's render time. Timing the row
        // from a task posted after the frame instead also counts whatever tasks were queued
        // before it (the page draws its Gantt chart in a task of its own after the results).
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.identifier === 'bench-results') resolve(entry.renderTime || entry.loadTime);
          }
        }).observe({ type: 'element', buffered: false });
        const mark = () => {
          for (const cell of present().querySelectorAll('*')) cell.setAttribute('elementtiming', 'bench-results');
        };
        if (present()) { mark(); return; }
        const observer = new MutationObserver(() => {
          if (present()) { observer.disconnect(); mark(); }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
    });
    await page.setInputFiles('#upload-json', file);
    const shown = await page.evaluate(() => window.__shown);
    const started = await page.evaluate(() => window.__uploaded);
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await page.evaluate(() => window.__longTasks);
    const during = tasks.filter((task) => task.start + task.duration >= started && task.start <= shown + SETTLE_MS);
    const longest = during.reduce((most, task) => Math.max(most, task.duration), 0);
    let cpuProfile;
    if (session) ({ profile: cpuProfile } = await session.send('Profiler.stop'));
    if (problems.length) console.log('  problems:', problems);
    return { shown: shown - started, longest, cpuProfile };
  } finally {
    await context.close();
  }
}

/** The functions with the most self time in a CPU profile, as lines. */
function heaviest(cpuProfile, count = 25) {
  const { nodes, samples, timeDeltas } = cpuProfile;
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const self = new Map();
  samples.forEach((id, index) => {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? url.split('/').pop() : ''}:${lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (timeDeltas[index] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, ms]) => `    ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

const directory = await scratchDirectory('proclab-upload-');
const server = await startServer();
try {
  console.log(`upload to results (median of ${RUNS} runs, [min-max]), longest main-thread task:`);
  for (const [index, { name, spec }] of CASES.entries()) {
    if (!name.includes(ONLY)) continue;
    const file = join(directory, `scenario-${index}.json`);
    await writeFile(file, JSON.stringify(spec));
    const results = [];
    for (let run = 0; run < RUNS; run += 1) results.push(await measure(server.url, file));
    const shown = results.map((result) => result.shown);
    const longest = results.map((result) => result.longest);
    console.log(`${name.padEnd(26)} results ${median(shown).toFixed(0).padStart(5)} ms [${Math.min(...shown).toFixed(0)}-${Math.max(...shown).toFixed(0)}]`
      + `   longest task ${median(longest).toFixed(0).padStart(5)} ms [${Math.min(...longest).toFixed(0)}-${Math.max(...longest).toFixed(0)}]`);
    if (PROFILE) {
      const { cpuProfile } = await measure(server.url, file, { profile: true });
      const out = join(ROOT, 'target', 'bench-upload');
      await mkdir(out, { recursive: true });
      await writeFile(join(out, `case-${index}.cpuprofile`), JSON.stringify(cpuProfile));
      console.log(heaviest(cpuProfile).join('\n'));
    }
  }
} finally {
  await server.close();
}

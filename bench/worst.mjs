// The worst scenario validation accepts, one per kind of limit, uploaded to the page in Debian's
// Chromium on the release build in dist/ (a benchmark, not a test: it prints, it asserts nothing).
//   proclab bench --worst --write target/bench-worst     (the scenarios, written by the core)
//   trunk build --release --offline && node bench/worst.mjs [--dir DIR] [--runs N] [--only KIND]
// For each file in DIR (one per kind: processes, bursts, quantum, cpus, instructions, boosts,
// warmup), each run opens a fresh browser profile, uploads the file through #upload-json and
// reports, as bench/upload.mjs does:
//   - upload to results: from the input's `change` event until the first metrics row (or warm-up job row) is painted,
//     or until the page's notice refuses the file (`#notice.error`, printed with its words);
//   - the longest main-thread task from the upload until 1 s after the results (the page is frozen
//     while it runs);
//   - memory once the results are shown: the main thread's JS heap (CDP Performance.getMetrics
//     JSHeapUsedSize) and the page's wasm linear memory (its size only grows, so it is the peak).
//     The worker that simulates a long run has its own heap and memory, not counted here.
// A kind with no results and no refusal within --timeout seconds (default 120) is reported as such,
// and a crashed tab as a crash.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer, openBrowser, ROOT } from '../e2e/harness.mjs';

const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const RUNS = Number(option('--runs', 1));
const ONLY = option('--only', '');
const DIRECTORY = option('--dir', join(ROOT, 'target', 'bench-worst'));
const TIMEOUT_MS = Number(option('--timeout', 120)) * 1000;
const SETTLE_MS = 1000;
const ORDER = ['processes', 'bursts', 'quantum', 'cpus', 'instructions', 'boosts', 'warmup'];

// Runs in the page before its scripts: long tasks in window.__longTasks, and every wasm memory
// the page instantiates in window.__wasmMemories.
const INSTRUMENT = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  window.__wasmMemories = [];
  const keep = (result) => {
    const exports = (result.instance ?? result).exports ?? {};
    for (const value of Object.values(exports)) {
      if (value instanceof WebAssembly.Memory) window.__wasmMemories.push(value);
    }
    return result;
  };
  const streaming = WebAssembly.instantiateStreaming;
  if (streaming) WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
  const instantiate = WebAssembly.instantiate;
  WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const mib = (bytes) => (bytes / 1048576).toFixed(0);

/** One upload in a fresh profile. */
async function measure(url, file) {
  const context = await openBrowser({ locale: 'en-US', viewport: { width: 1600, height: 1000 } });
  try {
    await context.addInitScript(INSTRUMENT);
    const page = context.pages()[0] ?? (await context.newPage());
    let crashed = false;
    page.on('crash', () => { crashed = true; });
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(url);
    await page.waitForSelector('#upload-json', { state: 'attached' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
    // Armed before the upload: the change event's time, and a promise that resolves when the
    // first metrics row (or warm-up job row) is painted or the notice refuses the file.
    await page.evaluate(() => {
      window.addEventListener('change', () => { window.__uploaded = performance.now(); }, { capture: true, once: true });
      window.__shown = new Promise((resolve) => {
        const outcome = () => {
          // The event engine's metrics, or the warm-up model's job table.
          if (document.querySelector('#metrics-table tbody tr[data-pid], #warmup-jobs tbody tr[data-job]')) return { refused: null };
          const notice = document.querySelector('#notice.error');
          return notice ? { refused: notice.textContent.trim() } : null;
        };
        const painted = (found) => requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ ...found, at: performance.now() });
          channel.port2.postMessage(null);
        });
        const now = outcome();
        if (now) { painted(now); return; }
        const observer = new MutationObserver(() => {
          const found = outcome();
          if (found) { observer.disconnect(); painted(found); }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true });
      });
    });
    await page.setInputFiles('#upload-json', file);
    const outcome = await Promise.race([
      page.evaluate(() => window.__shown),
      new Promise((resolve) => setTimeout(() => resolve({ timeout: true }), TIMEOUT_MS)),
    ]).catch((error) => ({ error: error.message }));
    if (crashed || outcome.error) return { crashed: true, detail: outcome.error ?? '' };
    if (outcome.timeout) return { timeout: true };
    const started = await page.evaluate(() => window.__uploaded);
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await page.evaluate(() => window.__longTasks);
    const during = tasks.filter((task) => task.start + task.duration >= started && task.start <= outcome.at + SETTLE_MS);
    const longest = during.reduce((most, task) => Math.max(most, task.duration), 0);
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    const wasm = await page.evaluate(() => window.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
    if (problems.length) console.log('  problems:', problems);
    return { shown: outcome.at - started, refused: outcome.refused, longest, heap, wasm };
  } finally {
    await context.close();
  }
}

const files = (await readdir(DIRECTORY).catch(() => []))
  .filter((name) => name.endsWith('.json'))
  .sort((a, b) => ORDER.indexOf(a.replace('.json', '')) - ORDER.indexOf(b.replace('.json', '')));
if (!files.length) {
  console.log(`no scenarios in ${DIRECTORY}: write them first with`
    + ' cargo run -q --locked --profile bench-speed -p proclab-cli -- bench --worst --write target/bench-worst');
  process.exit(1);
}
const server = await startServer();
try {
  console.log(`the worst accepted scenarios uploaded to the page (median of ${RUNS} run(s), [min-max]):`);
  for (const name of files) {
    const kind = name.replace('.json', '');
    if (ONLY && kind !== ONLY) continue;
    const file = join(DIRECTORY, name);
    const bytes = (await readFile(file)).length;
    const results = [];
    for (let run = 0; run < RUNS; run += 1) results.push(await measure(server.url, file));
    const label = `${kind.padEnd(13)} ${(bytes / 1e6).toFixed(1).padStart(5)} MB`;
    const bad = results.find((result) => result.crashed || result.timeout);
    if (bad) {
      console.log(`${label}  ${bad.crashed ? `tab crashed ${bad.detail}` : `no results after ${TIMEOUT_MS / 1000} s`}`);
      continue;
    }
    const shown = results.map((result) => result.shown);
    const longest = results.map((result) => result.longest);
    const what = results[0].refused === null ? 'results' : 'refused';
    console.log(`${label}  ${what} ${median(shown).toFixed(0).padStart(6)} ms [${Math.min(...shown).toFixed(0)}-${Math.max(...shown).toFixed(0)}]`
      + `   longest task ${median(longest).toFixed(0).padStart(5)} ms`
      + `   JS heap ${mib(median(results.map((result) => result.heap))).padStart(4)} MiB`
      + `   wasm memory ${mib(median(results.map((result) => result.wasm))).padStart(4)} MiB`);
    if (results[0].refused) console.log(`  the page says: ${results[0].refused}`);
  }
} finally {
  await server.close();
}

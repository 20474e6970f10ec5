// The engine timed inside Chromium (a benchmark, not a test: it prints, it asserts nothing).
//   ./dev bench, or by hand: a benchmark build of the page and the CLI, then this script:
//   trunk build --release --features bench-frames --dist target/bench-dist
//   cargo build --release -p proclab-cli
//   PROCLAB_DIST=target/bench-dist node bench/engine.mjs [--runs N] [--smp]
// The workloads are `proclab bench`'s own (`proclab bench --emit`), so the figures sit beside the
// native ones: for each policy, the page's wasm (release, opt-level z, as shipped) validates the
// scenario once and runs `simulate` N times, timed with performance.now() in the page
// (window.__proclabEngine, which only the benchmark build has). Then the same workloads through
// the page's worker, which is where a long run happens (built for speed, see index.html): the time
// from posting the request to holding the trace, as the page sees it. Best and median of the runs.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, openBrowser, ROOT } from '../e2e/harness.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('--runs', 5);
const SMP = process.argv.includes('--smp');
const CLI = process.env.PROCLAB_CLI ?? join(ROOT, 'target', 'release', 'proclab');
const CASES = SMP ? ['FCFS', 'RR (q=1)', 'RR (q=1), per-CPU'] : ['FCFS', 'SRTF', 'RR (q=1)', 'RR (q=10)', 'MLFQ (1, 4, 16)'];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const server = await startServer();
const context = await openBrowser({ locale: 'en-US' });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('#app-title');
  if (!(await page.evaluate(() => typeof window.__proclabEngine === 'function'))) {
    throw new Error('window.__proclabEngine is missing: build with `--features bench-frames` (see the top of this file)');
  }
  const rows = [];
  console.log(`engine in Chromium (release wasm as shipped), ${SMP ? '10,000 processes x 4 threads on 4 CPUs' : '10,000 processes'}, ${RUNS} runs`);
  console.log(`${'policy'.padEnd(22)} ${'events'.padStart(10)} ${'best ms'.padStart(10)} ${'median ms'.padStart(10)} ${'events/s'.padStart(12)}`);
  for (const name of CASES) {
    const args = ['bench', '--only', name, '--emit', ...(SMP ? ['--smp'] : [])];
    const json = execFileSync(CLI, args, { maxBuffer: 1 << 28 }).toString().trim();
    if (!json) {
      console.log(`${name.padEnd(22)} (no such case in proclab bench)`);
      continue;
    }
    const result = await page.evaluate(([json, runs]) => window.__proclabEngine(json, runs), [json, RUNS]);
    if (result.error) {
      console.log(`${name.padEnd(22)} ${result.error}`);
      continue;
    }
    const best = Math.min(...result.times);
    const rate = Math.round(result.events / (best / 1000));
    console.log(`${name.padEnd(22)} ${String(result.events).padStart(10)} ${best.toFixed(1).padStart(10)} ${median(result.times).toFixed(1).padStart(10)} ${rate.toLocaleString('en-US').padStart(12)}`);
    rows.push({ name, json });
  }
  console.log('the same through the page\'s worker: request posted -> trace held by the page');
  console.log(`${'policy'.padEnd(22)} ${'events'.padStart(10)} ${'best ms'.padStart(10)} ${'median ms'.padStart(10)} ${'events/s'.padStart(12)}`);
  for (const { name, json } of rows) {
    const result = await page.evaluate(async ([json, runs]) => {
      const script = document.querySelector('link[rel=modulepreload]').href;
      const worker = new Worker(new URL('proclab-worker_loader.js', script));
      await new Promise((resolve) => {
        worker.onmessage = (event) => { if (event.data === '"Ready"') resolve(); };
      });
      const spec = JSON.parse(json);
      const times = [];
      let words = 0;
      for (let run = 0; run < runs; run += 1) {
        const start = performance.now();
        const reply = await new Promise((resolve) => {
          worker.onmessage = (event) => resolve(event.data);
          worker.postMessage(JSON.stringify({ Run: { id: run, spec } }));
        });
        times.push(performance.now() - start);
        words = Array.isArray(reply) ? reply[1].length : 0;
      }
      worker.terminate();
      return { times, events: Math.max(0, (words - 2) / 4) };
    }, [json, RUNS]);
    const best = Math.min(...result.times);
    const rate = Math.round(result.events / (best / 1000));
    console.log(`${name.padEnd(22)} ${String(result.events).padStart(10)} ${best.toFixed(1).padStart(10)} ${median(result.times).toFixed(1).padStart(10)} ${rate.toLocaleString('en-US').padStart(12)}`);
  }
} finally {
  await context.close();
  server.close();
}

// What the Practice tests share: opening a generated set through the page's own form, reading the
// workload on screen, checking, and reading a field's label.

/** Makes a set of `count` exercises of `topic` at `difficulty` from `seed` with the page's form. */
export async function openSet(page, { topic, seed, difficulty = 'easy', count = 1 }) {
  await page.selectOption('#practice-topic', topic);
  await page.selectOption('#practice-difficulty', difficulty);
  await page.fill('#practice-count', String(count));
  await page.fill('#practice-seed', String(seed));
  const before = await page.inputValue('#practice-link');
  await page.click('#practice-new');
  await page.waitForFunction((old) => document.querySelector('#practice-link').value !== old, before);
}

/** The workload of the exercise on screen: name, arrival, CPU burst (easy exercises: one burst). */
export async function readWorkload(page) {
  return page.$$eval('#practice-workload tbody tr', (rows) => rows.map((row) => ({
    name: row.querySelector('th').textContent.trim(),
    arrival: Number(row.querySelector('.arrival').textContent),
    burst: Number(row.querySelector('.bursts').textContent),
  })));
}

/** Presses Check and waits for the summary. */
export async function check(page) {
  await page.click('#practice-check');
  await page.waitForSelector('#practice-summary');
}

/** The `aria-label` of the element `selector` names. */
export const label = (page, selector) => page.$eval(selector, (element) => element.getAttribute('aria-label'));

// Trunk's post_build hook (Trunk.toml): writes the build's file list and version into sw.js.
//
// The version is a SHA-256 of every file in the staging dist/ (sorted names and their bytes),
// so any change to any file makes a new sw.js, which is how browsers notice a new deploy. The
// list holds every file but sw.js itself, with index.html as "./" (the folder, as students open it).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run me from Trunk (post_build hook)');
const WORKER = 'sw.js';

async function files(directory) {
  const found = [];
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await files(path)));
    else found.push(relative(staging, path).split(sep).join('/'));
  }
  return found;
}

const names = (await files(staging)).filter((name) => name !== WORKER).sort();
const hash = createHash('sha256');
for (const name of names) {
  hash.update(`${name}\0`);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);
const list = names.map((name) => (name === 'index.html' ? './' : name));

const workerPath = join(staging, WORKER);
const source = await readFile(workerPath, 'utf8');
const placeholder = "const BUILD = { version: 'unbuilt', files: [] };";
if (!source.includes(placeholder)) throw new Error(`${WORKER} has no BUILD placeholder`);
const build = `const BUILD = ${JSON.stringify({ version, files: list })};`;
await writeFile(workerPath, source.replace(placeholder, build));
console.log(`precache: ${list.length} files, version ${version}`);

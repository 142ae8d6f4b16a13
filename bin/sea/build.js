#!/usr/bin/env node
// `npm run package`: the standalone executables in dist-bin/ (Node's single executable applications).
//
//   1. the Node binaries of every target come from the npm registry (`npm pack`, pinned version and
//      sha512 in node-binaries.json), cached in node_modules/.cache/zapcheck-sea;
//   2. rolldown bundles the built CLI (dist/, from `npm run build`) into CommonJS chunks, split where the
//      program imports lazily (the lab and its X.509 library, other OSes' readers, report formats...);
//   3. the SEA main script is a small chunk loader plus the entry chunk; every other chunk, the JSON
//      Schemas and package.json are SEA assets (src/core/assets.ts reads them there);
//   4. the blob is made by the linux-x64 Node binary of the same version, injected with postject;
//   5. SHA256SUMS in `sha256sum -c` format.
//
// Options (for measuring alternatives; the defaults are what ships):
//   --targets=linux-x64,win-x64   only these     --out=<dir>          instead of dist-bin
//   --layout=split|single         one bundle     --code-cache=on|off  V8 code cache in the linux-x64 blob
//   --snapshot                    V8 start-up snapshot with the loader and the start-up chunks (linux-x64)
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'postject';
import { rolldown } from 'rolldown';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PINS = JSON.parse(readFileSync(new URL('node-binaries.json', import.meta.url), 'utf8'));
const CACHE = path.join(ROOT, 'node_modules/.cache/zapcheck-sea', PINS.version);
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

const opts = Object.fromEntries(
  process.argv.slice(2).map((a) => {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(a);
    if (!m) fail(`unknown argument ${a}`);
    return [m[1], m[2] ?? 'on'];
  }),
);
const targets = (opts.targets ?? Object.keys(PINS.targets).join(',')).split(',');
for (const t of targets)
  if (!PINS.targets[t]) fail(`unknown target ${t} (have ${Object.keys(PINS.targets)})`);
const OUT = path.resolve(ROOT, opts.out ?? 'dist-bin');
const WORK = path.join(OUT, '.work');
const layout = opts.layout ?? 'split';
const codeCache = (opts['code-cache'] ?? 'on') === 'on';
const snapshot = opts.snapshot === 'on';

function fail(msg) {
  process.stderr.write(`package: ${msg}\n`);
  process.exit(1);
}
function log(msg) {
  process.stdout.write(`package: ${msg}\n`);
}

if (!existsSync(path.join(ROOT, 'dist/cli/launch.js'))) fail('dist/ is missing: run `npm run build` first');
if (process.platform !== 'linux' || process.arch !== 'x64') {
  fail('the SEA blob is made by the linux-x64 Node binary: run this on Linux x64');
}

/** The target's Node binary, from the npm registry package, integrity-checked; fetched once. */
function nodeBinary(target) {
  const pin = PINS.targets[target];
  const tgz = path.join(CACHE, `${pin.package}-${PINS.version}.tgz`);
  const bin = path.join(CACHE, target, path.basename(pin.binary));
  const sri = (file) => `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  if (!existsSync(tgz) || sri(tgz) !== pin.integrity) {
    mkdirSync(CACHE, { recursive: true });
    log(`npm pack ${pin.package}@${PINS.version}`);
    execFileSync('npm', ['pack', `${pin.package}@${PINS.version}`, '--pack-destination', CACHE, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const got = sri(tgz);
    if (got !== pin.integrity)
      fail(`${pin.package}@${PINS.version}: integrity ${got}, pinned ${pin.integrity}`);
    rmSync(path.dirname(bin), { recursive: true, force: true });
  }
  if (!existsSync(bin)) {
    const dir = path.dirname(bin);
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tgz, '-C', dir, '--strip-components=2', `package/${pin.binary}`]);
    chmodSync(bin, 0o755);
  }
  return bin;
}

/** The built CLI as CommonJS chunks: { entry, chunks: Map<fileName, code> }. */
async function bundle() {
  const bundler = await rolldown({
    input: path.join(ROOT, 'bin/zapcheck.js'),
    platform: 'node',
    logLevel: 'warn',
    onLog(level, log, handler) {
      // main.js is imported both statically and lazily by design (its lazy import from the launcher
      // keeps --version fast on the npm route); rolldown just says it stays in one chunk.
      if (log.code === 'INEFFECTIVE_DYNAMIC_IMPORT') return;
      handler(level, log);
    },
    plugins: [
      {
        // The lazy `createRequire(import.meta.url)` of ajv/yaml in the npm build finds node_modules; in the
        // executable there is none, so the bundler must see a plain require() and bundle the package.
        name: 'bundle-created-require',
        transform(code, id) {
          if (!id.startsWith(path.join(ROOT, 'dist'))) return null;
          const out = code.replace(/^const require = createRequire\(import\.meta\.url\);$/m, '');
          return out === code ? null : { code: out };
        },
      },
    ],
  });
  const { output } = await bundler.generate({
    format: 'cjs',
    entryFileNames: 'zapcheck.cjs',
    chunkFileNames: '[name]-[hash].cjs',
    codeSplitting: layout !== 'single',
    minify: false,
  });
  const chunks = new Map();
  let entry;
  for (const c of output) {
    if (c.type !== 'chunk') continue;
    if (/\bcreateRequire\(/.test(c.code))
      fail(`${c.fileName}: createRequire() would look for node_modules at run time`);
    chunks.set(c.fileName, c.code.replace(/^#!.*\n/, ''));
    if (c.isEntry) entry = c.fileName;
  }
  return { entry, chunks };
}

/**
 * The SEA main script: a chunk loader and the entry chunk (so the entry gets the SEA code cache).
 * `mode` is 'sea' (chunks and their V8 code caches from the SEA assets) or 'train' (chunks from files, run
 * by the build's own Node to record each chunk's code cache once it has run: see trainCodeCache()).
 */
function mainScript(entry, chunks, { mode = 'sea', cached = [], assets = {} } = {}) {
  if (chunks.size === 1) return chunks.get(entry);
  const run = snapshot
    ? `require('node:v8').startupSnapshot.setDeserializeMainFunction(() => start());`
    : `start();`;
  const io =
    mode === 'sea'
      ? `const { getAsset } = require('node:sea');
const cached = new Set(${JSON.stringify(cached)});
const source = (name) => getAsset('chunks/' + name, 'utf8');
const cacheOf = (name) => (cached.has(name) ? Buffer.from(getAsset('cache/' + name)) : undefined);
const made = () => {};`
      : `const fs = require('node:fs');
const path = require('node:path');
const source = (name) => fs.readFileSync(path.join(${JSON.stringify(path.join(WORK, 'chunks'))}, name), 'utf8');
const cacheOf = () => undefined;
const scripts = new Map();
const made = (name, script) => scripts.set(name, script);
// The SEA assets from their files, so the program takes the same paths as inside the executable.
const assets = ${JSON.stringify(assets)};
const fakeSea = {
  isSea: () => true,
  getAsset: (key, encoding) => {
    const data = fs.readFileSync(assets[key]);
    return encoding ? data.toString(encoding) : data.buffer.slice(data.byteOffset, data.byteOffset + data.length);
  },
};
process.on('exit', () => {
  for (const [name, script] of scripts)
    fs.writeFileSync(path.join(${JSON.stringify(path.join(WORK, 'cache'))}, name), script.createCachedData());
});`;
  return `'use strict';
// zapcheck standalone executable: a CommonJS chunk loader over the SEA assets (made by bin/sea/build.js).
const { Script } = require('node:vm');
${io}
const builtin = ${mode === 'sea' ? 'require' : `(id) => (id === 'node:sea' ? fakeSea : require(id))`};
const modules = new Map();
function load(id) {
  if (!id.startsWith('./')) return builtin(id);
  const name = id.slice(2);
  let m = modules.get(name);
  if (m) return m.exports;
  m = { exports: {} };
  modules.set(name, m);
  const code = '(function (exports, require, module, __filename, __dirname) {' + source(name) + '\\n})';
  const script = new Script(code, { filename: 'zapcheck/' + name, cachedData: cacheOf(name) });
  made(name, script);
  script.runInThisContext().call(m.exports, m.exports, load, m, process.execPath, require('node:path').dirname(process.execPath));
  return m.exports;
}
function start() {
  const entry = { exports: {} };
  modules.set(${JSON.stringify(entry)}, entry);
  (function (exports, require, module) {
${chunks.get(entry)}
  }).call(entry.exports, entry.exports, load, entry);
}
${run}
`;
}

/**
 * V8 code caches of the chunks for the linux-x64 file: the build's own Node (the very binary the file is
 * made from) runs the loader over the chunk files through the commands an electrician starts with, and
 * after each run writes the cache of every chunk it loaded, the functions that ran included. Caches only
 * hold for the V8 (and flags) that made them, so the other targets load their chunks without one.
 */
function trainCodeCache(entry, chunks, assets) {
  const dir = path.join(WORK, 'cache');
  mkdirSync(dir, { recursive: true });
  const script = path.join(WORK, 'train.cjs');
  writeFileSync(script, mainScript(entry, chunks, { mode: 'train', assets }));
  const report = path.join(WORK, 'train-report.json');
  const runs = [
    ['site', '--lab', '--json', report],
    ['report', report, '--format', 'html', '-o', path.join(WORK, 'train-report.html')],
  ];
  const kept = new Map();
  for (const args of runs) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    // Exit 0 or 1 (a loaded machine can make the lab miss a time limit): either way the code has run.
    const r = spawnSync(nodeBinary('linux-x64'), [script, ...args], {
      cwd: WORK,
      env: { NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (r.status !== 0 && r.status !== 1)
      fail(`code-cache run ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    for (const name of readdirSync(dir))
      if (!kept.has(name)) kept.set(name, readFileSync(path.join(dir, name)));
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [name, data] of kept) writeFileSync(path.join(dir, name), data);
  return [...kept.keys()].sort();
}

function makeBlob(name, main, assets, { cache, snap }) {
  const dir = path.join(WORK, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'main.cjs'), main);
  const config = {
    main: path.join(dir, 'main.cjs'),
    output: path.join(dir, 'sea.blob'),
    disableExperimentalSEAWarning: true,
    useSnapshot: snap,
    useCodeCache: cache && !snap,
    assets,
  };
  writeFileSync(path.join(dir, 'sea-config.json'), JSON.stringify(config, null, 2));
  execFileSync(nodeBinary('linux-x64'), ['--experimental-sea-config', path.join(dir, 'sea-config.json')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return readFileSync(config.output);
}

const started = Date.now();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(path.join(WORK, 'chunks'), { recursive: true });

const { entry, chunks } = await bundle();
const assets = {
  '../package.json': path.join(ROOT, 'package.json'),
};
for (const f of readdirSync(path.join(ROOT, 'dist/schemas')))
  assets[`schemas/${f}`] = path.join(ROOT, 'dist/schemas', f);
for (const [name, code] of chunks) {
  if (name === entry) continue;
  const file = path.join(WORK, 'chunks', name);
  writeFileSync(file, code);
  assets[`chunks/${name}`] = file;
}
const size = [...chunks.values()].reduce((n, c) => n + c.length, 0);
log(
  `bundle (${layout}): ${chunks.size} chunk(s), ${(size / 1024).toFixed(0)} KiB; entry ${(chunks.get(entry).length / 1024).toFixed(0)} KiB`,
);

// A code cache and a snapshot are made by, and only valid for, the V8 that makes them: linux-x64 only.
const blobs = {};
const blobFor = (target) => {
  const native = target === 'linux-x64';
  const key = native ? 'native' : 'portable';
  if (!blobs[key]) {
    const cache = native && codeCache && !snapshot;
    const cached = cache && chunks.size > 1 ? trainCodeCache(entry, chunks, assets) : [];
    const withCache = { ...assets };
    for (const name of cached) withCache[`cache/${name}`] = path.join(WORK, 'cache', name);
    if (cached.length) log(`code cache for ${cached.length} of ${chunks.size - 1} lazy chunks`);
    blobs[key] = makeBlob(key, mainScript(entry, chunks, { cached }), withCache, {
      cache,
      snap: native && snapshot,
    });
  }
  return blobs[key];
};

const sums = [];
for (const target of targets) {
  const pin = PINS.targets[target];
  const out = path.join(OUT, pin.output);
  copyFileSync(nodeBinary(target), out);
  chmodSync(out, 0o755);
  await inject(out, 'NODE_SEA_BLOB', blobFor(target), {
    sentinelFuse: SEA_FUSE,
    ...(target.startsWith('macos') ? { machoSegmentName: 'NODE_SEA' } : {}),
  });
  const sha = createHash('sha256').update(readFileSync(out)).digest('hex');
  sums.push(`${sha}  ${pin.output}\n`);
  log(`${pin.output} (${(readFileSync(out).length / 2 ** 20).toFixed(1)} MiB)`);
}
writeFileSync(path.join(OUT, 'SHA256SUMS'), sums.join(''));
rmSync(WORK, { recursive: true, force: true });
log(`dist-bin ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

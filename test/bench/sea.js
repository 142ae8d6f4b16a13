// The standalone executables' measures for `npm run bench` (and, run alone, a comparison of build variants):
//
//   node test/bench/sea.js                       the lines npm run bench prints
//   node test/bench/sea.js --compare a b c ...    --version and site --lab medians of several executables,
//                                                 interleaved (how CHANGELOG.md's layout numbers were taken)
//
// Wall times are medians of interleaved runs, each against floors taken in the same run: `node -e 0` (this
// Node, and the Node 22 binary the executables are built on when it is in the build cache) and the npm route
// installed from the packed tarball into a temporary prefix. Traffic: loopback (the lab) only.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, ratioLine, skipLine } from './format.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST_BIN = path.join(ROOT, 'dist-bin');
const PINS = JSON.parse(readFileSync(path.join(ROOT, 'bin/sea/node-binaries.json'), 'utf8'));
const NODE22 = path.join(ROOT, 'node_modules/.cache/zapcheck-sea', PINS.version, 'linux-x64/node');
const ENV = { NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback' };

function timed(cmd, args) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: os.tmpdir(), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return wall;
}

/** Medians of interleaved runs of each named command line (one warm-up each). */
function medians(commands, n) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [cmd, ...args] of Object.values(commands)) timed(cmd, args);
  for (let i = 0; i < n; i++) {
    for (const [k, [cmd, ...args]] of Object.entries(commands)) times[k].push(timed(cmd, args));
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

const mib = (file) => `${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`;

/** zapcheck from `npm pack`, installed into a temporary prefix: the npm route as a user has it. */
function installNpmRoute(tmp) {
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--silent', '--pack-destination', tmp], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
  const prefix = path.join(tmp, 'prefix');
  execFileSync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--no-audit',
      '--no-fund',
      '--silent',
      path.join(tmp, pack[0].filename),
    ],
    { cwd: tmp, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return path.join(prefix, 'lib/node_modules/zapcheck/bin/zapcheck.js');
}

export async function standalone({ quick = false } = {}) {
  const exe = path.join(DIST_BIN, 'zapcheck-linux-x64');
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    console.log(
      skipLine(
        'standalone executable',
        `runs the linux-x64 file (this is ${process.platform}-${process.arch})`,
      ),
    );
    return;
  }
  if (!existsSync(exe)) {
    console.log(skipLine('standalone executable', 'dist-bin/zapcheck-linux-x64 is missing: npm run package'));
    return;
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-bench-sea-'));
  try {
    const npmBin = installNpmRoute(tmp);
    const n = quick ? 7 : 15;
    const commands = {
      node: [process.execPath, '-e', '0'],
      ...(existsSync(NODE22) ? { node22: [NODE22, '-e', '0'] } : {}),
      exeVersion: [exe, '--version'],
      npmVersion: [process.execPath, npmBin, '--version'],
    };
    const v = medians(commands, n);
    const lab = medians(
      { exe: [exe, 'site', '--lab'], npm: [process.execPath, npmBin, 'site', '--lab'] },
      quick ? 5 : 9,
    );
    const floors = `node -e 0 ${ms(v.node)}${v.node22 ? `, node ${PINS.version} -e 0 ${ms(v.node22)}` : ''}`;
    console.log(
      ratioLine('standalone: zapcheck-linux-x64 --version / node -e 0', v.exeVersion / v.node, {
        detail: `median of ${n}: ${ms(v.exeVersion)}; ${floors}`,
      }),
    );
    if (v.node22) {
      console.log(
        ratioLine(
          `standalone: zapcheck-linux-x64 --version / node ${PINS.version} -e 0`,
          v.exeVersion / v.node22,
          {
            detail: `${ms(v.exeVersion)} / ${ms(v.node22)} (the same Node inside)`,
          },
        ),
      );
    }
    console.log(
      ratioLine('standalone: zapcheck-linux-x64 --version / npm-installed', v.exeVersion / v.npmVersion, {
        detail: `${ms(v.exeVersion)} / ${ms(v.npmVersion)} (node ${process.version} bin/zapcheck.js)`,
      }),
    );
    console.log(
      ratioLine('standalone: zapcheck-linux-x64 site --lab / npm-installed', lab.exe / lab.npm, {
        detail: `median of ${quick ? 5 : 9}: ${ms(lab.exe)} / ${ms(lab.npm)}; / node -e 0: ${(lab.exe / v.node).toFixed(1)}`,
      }),
    );
    for (const [target, pin] of Object.entries(PINS.targets)) {
      const file = path.join(DIST_BIN, pin.output);
      if (!existsSync(file)) continue;
      const base = path.join(
        ROOT,
        'node_modules/.cache/zapcheck-sea',
        PINS.version,
        target,
        path.basename(pin.binary),
      );
      const detail = existsSync(base)
        ? `${mib(file)}; Node ${PINS.version} alone ${mib(base)}, zapcheck adds ${((statSync(file).size - statSync(base).size) / 2 ** 20).toFixed(1)} MiB`
        : mib(file);
      console.log(
        ratioLine(
          `standalone: ${pin.output} size / its Node binary`,
          existsSync(base) ? statSync(file).size / statSync(base).size : NaN,
          {
            detail,
          },
        ),
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function compare(files) {
  const n = 15;
  const v = medians(Object.fromEntries(files.map((f) => [f, [path.resolve(f), '--version']])), n);
  const lab = medians(Object.fromEntries(files.map((f) => [f, [path.resolve(f), 'site', '--lab']])), 9);
  const node = medians({ node: [existsSync(NODE22) ? NODE22 : process.execPath, '-e', '0'] }, n).node;
  console.log(`node -e 0: ${ms(node)} (median of ${n})`);
  for (const f of files) {
    console.log(
      `${f.padEnd(40)} --version ${ms(v[f]).padStart(9)}   site --lab ${ms(lab[f]).padStart(9)}   ${mib(f)}`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--compare');
  if (i > 0) await compare(process.argv.slice(i + 1));
  else await standalone({ quick: process.argv.includes('--quick') });
}

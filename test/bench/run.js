// `npm run bench`: the benchmark of issue 3 (not a test: nothing here fails the build). Every measure is a
// ratio of two numbers taken in this same run, printed as one line (./format.js), so results from different
// machines compare. Runs the built CLI (dist/ is rebuilt first when a source file is newer).
//
//   lab latency  zapcheck site --lab --lab-latency 50: the report's durationMs, and the process wall time,
//                over the critical-path floor computed here from the profile and the lab's latency model
//   sequential   the same probes one after another (the manual dig / nc / openssl / curl routine) over the
//                concurrent runner, both in this process against the same lab and latency
//   startup      zapcheck --version over node -e 0 (medians)
//   first packet zapcheck site (real mode, loopback-only namespace): spawn to its first DNS query over
//                node -e 0 (./first-packet.js)
//   peak RSS     of a full lab run, over the 90 MB goal
//   dropped      zapcheck site in real mode inside a network namespace this script creates, nftables
//                dropping everything (and a variant where only DNS answers): wall time over --deadline
//   parsers      the Wi-Fi scan and neighbour-table benchmarks (./wifi-parse.bench.js, ./neigh-table.js)
//   standalone   dist-bin/zapcheck-linux-x64 (npm run package): --version and site --lab against node -e 0 and
//                the npm-installed zapcheck (packed and installed into a temporary prefix), file sizes (./sea.js)
//
// Traffic: loopback, and two network namespaces made and removed here, joined only to each other. Usage: npm run bench [-- --quick] [-- --only <measure>]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { goalSummary, median, ms, ratioLine, skipLine } from './format.js';
import { standalone } from './sea.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/zapcheck.js');
const QUICK = process.argv.includes('--quick');
const LATENCY_MS = 50;
const DEADLINE_S = 5; // zapcheck site's default --deadline
const TMP = mkdtempSync(path.join(os.tmpdir(), 'zapcheck-bench-'));
process.on('exit', () => rmSync(TMP, { recursive: true, force: true }));

// ---- machine and build ------------------------------------------------------------------------------

const cpus = os.cpus();
console.log(
  `machine: ${cpus[0]?.model.trim() ?? 'unknown cpu'}, ${cpus.length} logical cores, ` +
    `${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} ${os.arch()}; node ${process.version}`,
);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const built = (() => {
    try {
      return statSync(path.join(ROOT, 'dist/cli/main.js')).mtimeMs;
    } catch {
      return 0;
    }
  })();
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'src')),
    statSync(path.join(ROOT, 'package.json')).mtimeMs,
  );
  if (built >= sources) return;
  console.log('dist/ is older than src/: npm run build');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
ensureBuilt();

const dist = (p) => import(path.join(ROOT, 'dist', p));
const { startLab } = await dist('lab/index.js');
const { createLabContext } = await dist('site/lab.js');
const { createGuard } = await dist('core/guard.js');
const { createProbes } = await dist('probes/index.js');
const { planChecks, runChecks } = await dist('core/runner.js');
const { CHECK_FAMILIES } = await dist('checks/index.js');
const { loadProfile } = await dist('profile/load.js');

const PROFILE_ID = 'zaptec-pro';
const profile = loadProfile(PROFILE_ID);

/** A child process's stdout, stderr, exit and wall time. */
function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** The environment of a zapcheck child: no colour, the loopback guard, no proxy variables. */
function cliEnv(extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(https?|all|no)_proxy$/i.test(k)) env[k] = v;
  return { ...env, NO_COLOR: '1', ZAPCHECK_GUARD: 'loopback', ...extra };
}

function labContext(lab, opts = {}) {
  return createLabContext(
    {
      site: 'bench',
      profile,
      deadlineMs: DEADLINE_S * 1000,
      guard: createGuard('loopback'),
      options: { mqttConnect: opts.mqttConnect === true, strict: false, extra: {} },
      lang: 'en',
      interrupt: new AbortController().signal,
    },
    lab,
  );
}

// ---- the critical-path floor of the lab's latency model (src/lab/index.ts) ----------------------------

/** Server flights of a full handshake: TLS 1.3 one (ServerHello..Finished), TLS 1.2 and older two. */
const tlsFlights = (version) => (version === 'TLSv1.3' ? 1 : 2);
/**
 * The TLS check pins the profile's lowest version; the HTTPS and MQTT probes do not pin one, so they
 * negotiate the highest both sides speak: Node's default maximum against the healthy lab's TLS 1.2-1.3.
 */
const unpinnedVersion = tls.DEFAULT_MAX_VERSION === 'TLSv1.3' ? 'TLSv1.3' : 'TLSv1.2';

function endpointOf(check) {
  return profile.endpoints.find((e) => e.host === check.target.host && e.port === check.target.port);
}

/** Delayed exchanges of one check, in L: DNS answer, NTP reply, TLS flights, HTTP answer, CONNACK. */
function checkCost(check) {
  const e = endpointOf(check);
  switch (check.kind) {
    case 'dns':
    case 'ntp':
      return 1;
    case 'tls':
      return tlsFlights(e?.tlsVersions.includes('TLSv1.2') ? 'TLSv1.2' : 'TLSv1.3');
    case 'https': // over the TLS check's verified connection: the HTTP answer
    case 'mqtt': // over the TLS check's verified connection: the CONNACK
      return 1;
    default: // env, wifi, dhcp: local; tcp: the lab does not delay connects
      return 0;
  }
}

/** The longest chain of the plan's dependency graph, weighted with checkCost. */
function criticalPath(checks) {
  const byId = new Map(checks.map((c) => [c.id, c]));
  const memo = new Map();
  const finish = (id) => {
    const hit = memo.get(id);
    if (hit) return hit;
    const c = byId.get(id);
    let best = { units: 0, chain: [] };
    for (const n of c.needs) {
      const f = finish(n);
      if (f.units > best.units || (f.units === best.units && f.chain.length > best.chain.length)) best = f;
    }
    const out = { units: best.units + checkCost(c), chain: [...best.chain, `${c.id} ${checkCost(c)}L`] };
    memo.set(id, out);
    return out;
  };
  return checks.map((c) => finish(c.id)).reduce((a, b) => (b.units > a.units ? b : a));
}

// ---- 1. lab latency ------------------------------------------------------------------------------------

async function labLatency() {
  const lab = await startLab({ profile, scenario: 'healthy', latencyMs: LATENCY_MS });
  const path0 = criticalPath(planChecks(CHECK_FAMILIES, labContext(lab)));
  await lab.close();
  const floorMs = path0.units * LATENCY_MS;
  const runs = QUICK ? 3 : 7;
  const durations = [];
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const json = path.join(TMP, `lab-${i}.json`);
    const r = await run(
      process.execPath,
      [BIN, 'site', 'bench', '--lab', '--lab-latency', String(LATENCY_MS), '--json', json, '--no-history'],
      { env: cliEnv() },
    );
    const report = JSON.parse(readFileSync(json, 'utf8'));
    if (report.verdict !== 'ready')
      throw new Error(`healthy lab run not ready (exit ${r.code}):\n${r.stdout}`);
    durations.push(report.durationMs);
    walls.push(r.ms);
  }
  console.log(
    `critical path at L = ${LATENCY_MS} ms (${PROFILE_ID}): ${path0.chain.join(' -> ')} = ${path0.units}L = ${floorMs} ms`,
  );
  const d = median(durations);
  const w = median(walls);
  console.log(
    ratioLine(`lab --lab-latency ${LATENCY_MS}: report durationMs / floor`, d / floorMs, {
      goal: 1.2,
      detail: `median of ${runs}: ${ms(d)} / ${floorMs} ms (min ${Math.min(...durations)}, max ${Math.max(...durations)})`,
    }),
  );
  console.log(
    ratioLine(`lab --lab-latency ${LATENCY_MS}: process wall time / floor`, w / floorMs, {
      detail: `median of ${runs}: ${ms(w)} / ${floorMs} ms (Node start-up, lab certificates and servers included)`,
    }),
  );
  return floorMs;
}

// ---- 2. sequential baseline ----------------------------------------------------------------------------

/** dig each host, ntpdate -q, nc -z each port, openssl s_client -tls1_2 each, curl each HTTPS URL. */
async function sequentialRoutine(ctx, probes) {
  const timeoutMs = DEADLINE_S * 1000;
  const server = ctx.resolvers[0];
  const addr = new Map();
  let units = 0;
  for (const host of [...new Set(profile.endpoints.map((e) => e.host))]) {
    const r = await probes.dns({ name: host, type: 'A', server, timeoutMs });
    if (!r.ok) throw new Error(`sequential: dns ${host}: ${r.error.message}`);
    addr.set(host, r.value.addresses[0]);
    units += 1;
  }
  for (const e of profile.endpoints.filter((x) => x.protocol === 'ntp')) {
    const r = await probes.ntp({ ip: addr.get(e.host), port: e.port, timeoutMs });
    if (!r.ok) throw new Error(`sequential: ntp ${e.host}: ${r.error.message}`);
    units += 1;
  }
  const tcpish = profile.endpoints.filter((x) => x.protocol !== 'ntp');
  for (const e of tcpish) {
    const r = await probes.tcp({ ip: addr.get(e.host), port: e.port, timeoutMs });
    if (!r.ok) throw new Error(`sequential: tcp ${e.host}: ${r.error.message}`);
  }
  for (const e of tcpish) {
    const lowest = e.tlsVersions.includes('TLSv1.2') ? 'TLSv1.2' : 'TLSv1.3';
    const r = await probes.tls({
      ip: addr.get(e.host),
      port: e.port,
      servername: e.host,
      ca: ctx.trustFor(e).roots,
      minVersion: lowest,
      maxVersion: lowest,
      timeoutMs,
    });
    if (!r.ok) throw new Error(`sequential: tls ${e.host}: ${r.error.message}`);
    units += tlsFlights(lowest);
  }
  for (const e of profile.endpoints.filter((x) => x.protocol === 'https')) {
    const trust = ctx.trustFor(e);
    const r = await probes.https({
      ip: addr.get(e.host),
      port: e.port,
      servername: e.host,
      path: e.path ?? '/',
      ca: trust.roots,
      verify: trust.roots.length > 0 && trust.kind !== 'issuer',
      timeoutMs,
    });
    if (!r.ok) throw new Error(`sequential: https ${e.host}: ${r.error.message}`);
    units += tlsFlights(unpinnedVersion) + 1;
  }
  return units;
}

async function sequentialBaseline() {
  const lab = await startLab({ profile, scenario: 'healthy', latencyMs: LATENCY_MS });
  try {
    const seq = [];
    const conc = [];
    let seqUnits = 0;
    // Alternated, after one unmeasured round of each, so neither side alone pays for a cold start.
    for (let i = -1; i < (QUICK ? 2 : 5); i++) {
      let ctx = labContext(lab);
      let t = performance.now();
      seqUnits = await sequentialRoutine(ctx, createProbes(ctx));
      if (i >= 0) seq.push(performance.now() - t);
      ctx = labContext(lab);
      t = performance.now();
      const out = await runChecks(CHECK_FAMILIES, ctx, createProbes(ctx));
      if (i >= 0) conc.push(performance.now() - t);
      const bad = out.results.filter((r) => r.status !== 'pass' && r.status !== 'skip');
      if (bad.length) throw new Error(`concurrent run: ${bad.map((r) => `${r.id} ${r.cause}`).join(', ')}`);
    }
    const s = median(seq);
    const c = median(conc);
    console.log(
      ratioLine(`sequential probes / concurrent runner (in-process, L = ${LATENCY_MS})`, s / c, {
        detail: `median of ${seq.length}: ${ms(s)} (model ${seqUnits}L = ${seqUnits * LATENCY_MS} ms) / ${ms(c)}`,
      }),
    );
  } finally {
    await lab.close();
  }
}

// ---- 3. startup ------------------------------------------------------------------------------------------

function startup() {
  const n = QUICK ? 7 : 21;
  const time = (args) => {
    const t = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
    return performance.now() - t;
  };
  const node = [];
  const cli = [];
  time(['-e', '0']);
  time([BIN, '--version']);
  for (let i = 0; i < n; i++) {
    node.push(time(['-e', '0']));
    cli.push(time([BIN, '--version']));
  }
  const a = median(cli);
  const b = median(node);
  console.log(
    ratioLine('startup: zapcheck --version / node -e 0', a / b, {
      goal: 1.3,
      detail: `median of ${n}: ${ms(a)} / ${ms(b)}`,
    }),
  );
}

// ---- 4. peak RSS ---------------------------------------------------------------------------------------

function findExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return file;
  } catch {
    return null;
  }
}

async function peakRss() {
  const name = 'peak RSS: zapcheck site --lab (full run) / 75 MB';
  // The kernel's high-water mark of the child, read by GNU time from wait4(): it sees the whole life of
  // the process, exit included (V8 may still be compiling on its worker threads when process.exit runs).
  const gnuTime = findExecutable('/usr/bin/time');
  if (!gnuTime) {
    console.log(skipLine(name, '/usr/bin/time (GNU time) is not installed'));
    return;
  }
  const peaks = [];
  for (const extra of [[], ['--lab-latency', String(LATENCY_MS)], ['--mqtt-connect']]) {
    const r = await run(
      gnuTime,
      ['-f', 'maxrss_kb=%M', process.execPath, BIN, 'site', 'bench', '--lab', '--no-history', ...extra],
      { env: cliEnv() },
    );
    const kb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1]);
    if (!Number.isFinite(kb)) throw new Error(`no maxrss from GNU time: ${r.stderr}`);
    peaks.push(kb / 1024);
  }
  const peak = Math.max(...peaks);
  console.log(
    ratioLine(name, peak / 75, {
      goal: 1,
      detail: `${peak.toFixed(1)} MB, worst of healthy, --lab-latency ${LATENCY_MS}, --mqtt-connect (${peaks
        .map((p) => p.toFixed(1))
        .join(' / ')} MB)`,
    }),
  );
}

// ---- 5. fully dropped network ----------------------------------------------------------------------------

const DNS_IP = '198.18.0.53';
const SERVICE_IP = '198.18.0.1';
const CLIENT_IP = '198.18.0.2';

function namespacesUnavailable() {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'network namespaces need root (run npm run bench as root, as CI does)';
  for (const tool of ['ip', 'nft']) {
    const found = ['/usr/sbin', '/sbin', '/usr/bin', '/bin', ...(process.env.PATH ?? '').split(':')].some(
      (d) => d && findExecutable(path.join(d, tool)),
    );
    if (!found) return `the \`${tool}\` command is not installed (iproute2, nftables)`;
  }
  return null;
}

/** What a resolver that answers every A question with SERVICE_IP needs: nothing but Node and dns-packet. */
const DNS_RESPONDER = `
const dgram = require('node:dgram');
const packet = require('dns-packet');
const s = dgram.createSocket('udp4');
s.on('message', (msg, rinfo) => {
  let q;
  try { q = packet.decode(msg); } catch { return; }
  const question = q.questions?.[0];
  if (!question) return;
  const answers = question.type === 'A' ? [{ name: question.name, type: 'A', ttl: 60, data: '${SERVICE_IP}' }] : [];
  s.send(packet.encode({ id: q.id, type: 'response', flags: packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE, questions: q.questions, answers }), rinfo.port, rinfo.address);
});
s.bind(53, '${DNS_IP}', () => console.log('ready'));
`;

/**
 * Two namespaces joined by a veth pair (the same layout as test/helpers/interop.ts, which is TypeScript and
 * so not importable from this plain script): "net" plays the network beyond the site router with
 * SERVICE_IP (and DNS_IP), "client" runs zapcheck with a default route through it. nftables in "net"
 * drops every packet that arrives (or every packet but DNS): what leaves the client is silently lost, as
 * on a firewall that drops. A drop in the client's own output hook would not do: the kernel answers
 * the sender at once with EPERM there, which is not what a dropped packet looks like.
 * Both are removed by `remove()`, also when the bench fails half-way or exits.
 */
function droppedNamespaces(allowDns) {
  const tag = randomBytes(3).toString('hex');
  const net = `zc-bench-net-${tag}`;
  const client = `zc-bench-client-${tag}`;
  const sh = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const made = [];
  const remove = () => {
    for (const ns of made.splice(0)) {
      try {
        sh('netns', 'del', ns);
      } catch {
        // already gone
      }
    }
  };
  process.once('exit', remove);
  try {
    for (const ns of [net, client]) {
      sh('netns', 'add', ns);
      made.push(ns);
      sh('-n', ns, 'link', 'set', 'lo', 'up');
    }
    // Created straight inside the two namespaces: nothing appears in the host's.
    sh('link', 'add', 'name', 'eth0', 'netns', net, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', client);
    sh('-n', net, 'addr', 'add', `${SERVICE_IP}/24`, 'dev', 'eth0');
    sh('-n', net, 'addr', 'add', `${DNS_IP}/24`, 'dev', 'eth0');
    sh('-n', net, 'link', 'set', 'eth0', 'up');
    sh('-n', client, 'addr', 'add', `${CLIENT_IP}/24`, 'dev', 'eth0');
    sh('-n', client, 'link', 'set', 'eth0', 'up');
    sh('-n', client, 'route', 'add', 'default', 'via', SERVICE_IP);
    const dns = allowDns ? `ip daddr ${DNS_IP} meta l4proto { tcp, udp } th dport 53 accept` : '';
    const ruleset = `table inet zapcheck_bench {
  chain input {
    type filter hook input priority filter; policy drop;
    ${dns}
  }
}
`;
    execFileSync('ip', ['netns', 'exec', net, 'nft', '-f', '-'], {
      input: ruleset,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  } catch (err) {
    remove();
    throw err;
  }
  return {
    net,
    client,
    remove() {
      process.removeListener('exit', remove);
      remove();
    },
  };
}

/** --deadline of the dropped-network runs (issue 14: the process ends within it + 100 ms, every run). */
const DROPPED_DEADLINE_S = 2;

async function droppedVariant(label, allowDns) {
  const ns = droppedNamespaces(allowDns);
  let responder;
  try {
    if (allowDns) {
      responder = spawn('ip', ['netns', 'exec', ns.net, process.execPath, '-e', DNS_RESPONDER], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise((resolve, reject) => {
        responder.stdout.once('data', resolve);
        responder.once('exit', (code) => reject(new Error(`DNS responder exited (${code})`)));
      });
    }
    const runs = QUICK ? 3 : 7;
    const walls = [];
    let report;
    for (let i = 0; i < runs; i++) {
      const json = path.join(TMP, `dropped-${allowDns ? 'dns' : 'all'}-${i}.json`);
      const r = await run(
        'ip',
        [
          'netns',
          'exec',
          ns.client,
          process.execPath,
          BIN,
          'site',
          'bench',
          '--dns-server',
          DNS_IP,
          '--deadline',
          String(DROPPED_DEADLINE_S),
          '--lang',
          'en',
          '--json',
          json,
          '--no-history',
        ],
        { env: cliEnv({ ZAPCHECK_GUARD_ALLOW: '198.18.0.0/15' }), timeoutMs: 30_000 },
      );
      walls.push(r.ms);
      report = JSON.parse(readFileSync(json, 'utf8'));
    }
    const network = report.checks.filter((c) =>
      ['dns', 'ntp', 'tcp', 'tls', 'https', 'mqtt'].includes(c.kind),
    );
    const causes = {};
    for (const c of network) causes[c.cause] = (causes[c.cause] ?? 0) + 1;
    const wrong = allowDns
      ? network.filter(
          (c) =>
            (c.kind === 'dns' && c.status !== 'pass') ||
            (c.kind === 'tcp' && c.cause !== 'TCP_DROPPED') ||
            (c.kind === 'ntp' && c.status !== 'fail'),
        )
      : network.filter((c) => (c.kind === 'dns' ? c.cause !== 'DNS_TIMEOUT' : c.status !== 'skip'));
    const refused = network.filter((c) => /REFUSED/.test(c.cause));
    const verdict =
      wrong.length || refused.length
        ? `UNEXPECTED: ${[...wrong, ...refused].map((c) => `${c.id} ${c.cause}`).join(', ')}`
        : allowDns
          ? 'every port TCP_DROPPED, none refused'
          : 'every host DNS_TIMEOUT, the rest skipped';
    const deadlineMs = DROPPED_DEADLINE_S * 1000;
    const worst = Math.max(...walls);
    console.log(
      ratioLine(
        `dropped (${label}), --deadline ${DROPPED_DEADLINE_S}: worst process wall / (--deadline + 100 ms)`,
        worst / (deadlineMs + 100),
        {
          goal: 1,
          detail: `worst of ${runs} ${ms(worst)}, median ${ms(median(walls))} (last report durationMs ${report.durationMs}); ${verdict}; ${Object.entries(
            causes,
          )
            .map(([k, v]) => `${v} ${k}`)
            .join(', ')}`,
        },
      ),
    );
  } finally {
    responder?.kill('SIGKILL');
    ns.remove();
  }
}

async function dropped() {
  const why = namespacesUnavailable();
  if (why) {
    console.log(skipLine('dropped (nftables drop-all in a network namespace)', why));
    return;
  }
  await droppedVariant('all dropped, DNS too', false);
  await droppedVariant('DNS answers, every service port dropped', true);
}

// ---- 6. parser benchmarks -------------------------------------------------------------------------------

async function parsers() {
  for (const script of ['wifi-parse.bench.js', 'neigh-table.js']) {
    const r = await run(process.execPath, [path.join(ROOT, 'test/bench', script)]);
    process.stdout.write(r.stdout);
    if (r.code !== 0) console.log(`${script}: exit ${r.code}\n${r.stderr}`);
  }
}

// ---- 7. first packet -------------------------------------------------------------------------------------

/** Time from spawning zapcheck site (real mode, in a loopback-only namespace) to its first DNS query. */
async function firstPacket() {
  const name = 'first packet: spawn to first DNS query / node -e 0';
  const why = namespacesUnavailable();
  if (why) {
    console.log(skipLine(name, why));
    return;
  }
  const ns = `zc-bench-first-${randomBytes(3).toString('hex')}`;
  execFileSync('ip', ['netns', 'add', ns]);
  const remove = () => {
    try {
      execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  };
  process.once('exit', remove);
  try {
    execFileSync('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
    const runs = QUICK ? 3 : 9;
    const r = await run(
      'ip',
      [
        'netns',
        'exec',
        ns,
        process.execPath,
        path.join(ROOT, 'test/bench/first-packet.js'),
        BIN,
        String(runs),
      ],
      { env: cliEnv(), timeoutMs: 120_000 },
    );
    if (r.code !== 0) throw new Error(`first-packet.js: exit ${r.code}: ${r.stderr}`);
    const { first, node } = JSON.parse(r.stdout);
    const f = median(first);
    const n = median(node);
    console.log(
      ratioLine(name, f / n, {
        detail: `medians of ${runs}, interleaved: ${ms(f)} / ${ms(n)} (real mode, loopback-only namespace)`,
      }),
    );
  } finally {
    process.removeListener('exit', remove);
    remove();
  }
}

async function realNetworkComparison() {
  const { realNetwork } = await import('./real-network.js');
  await realNetwork({ quick: QUICK, gnuTime: findExecutable('/usr/bin/time') });
}

const MEASURES = {
  labLatency,
  sequentialBaseline,
  startup,
  firstPacket,
  peakRss,
  dropped,
  realNetworkComparison,
  parsers,
  standalone: () => standalone({ quick: QUICK }),
};
// `npm run bench -- --only dropped` runs one measure (while working on it).
const only = process.argv[process.argv.indexOf('--only') + 1];
for (const [name, measure] of Object.entries(MEASURES)) {
  if (process.argv.includes('--only') && name !== only) continue;
  await measure();
}
// The goals of issue 14's table (and the older ones), each with the ratio measured above in this run.
console.log(`\n${goalSummary()}`);

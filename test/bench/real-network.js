// `npm run bench`, real network (issue 14): zapcheck against the technician's own routine, on real servers
// over a link with a real round-trip time. Not a test.
//
//   servers  the interop suite's cloud (test/helpers/interop.ts: dnsmasq, nginx, mosquitto, chronyd in a
//            network namespace this bench creates and removes), imported through ./ts-hooks.js
//   link     instead of the veth pair, a TUN device in each namespace and ./tun-relay.py between them,
//            holding every packet RTT/2 in each direction (this kernel has no netem); RTT 0, 50, 200 ms
//   profiles the interop profile (zaptec-pro's 5 endpoints) and the same plus HTTPS hosts to 20 and 50
//   routine  per host one chain: dig +short @resolver, then ntpdate -q (NTP) or nc -z, openssl s_client
//            -tls1_2 and curl (HTTPS): in parallel (one background chain per host, then wait) and, for
//            5 endpoints, one after another. Every chain must succeed, and zapcheck must say ready.
//   runs     interleaved (zapcheck, parallel, sequential, node -e 0), one warm-up, medians of 7
//            (3 with --quick)
//
// Traffic: only between the two namespaces made here (198.18.0.0/24).
import { spawn } from 'node:child_process';
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, ms, ratioLine, skipLine } from './format.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const BIN = path.join(ROOT, 'bin/zapcheck.js');
const RELAY = path.join(HERE, 'tun-relay.py');
const RTTS = [0, 50, 200];
const ENDPOINTS = [5, 20, 50];
const SEARCH = [...(process.env.PATH ?? '').split(':'), '/usr/local/sbin', '/usr/sbin', '/sbin'].filter(
  Boolean,
);
const TOOLS = {
  dig: 'bind9-dnsutils',
  nc: 'netcat-openbsd',
  openssl: 'openssl',
  curl: 'curl',
  ntpdate: 'ntpsec-ntpdate',
  python3: 'python3',
};

function which(name) {
  for (const dir of SEARCH) {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return path.join(dir, name);
    } catch {
      // not here
    }
  }
  return null;
}

function unavailable() {
  const missing = Object.keys(TOOLS).filter((t) => !which(t));
  if (missing.length) {
    return `missing ${missing.join(', ')} (apt-get install ${missing.map((t) => TOOLS[t]).join(' ')})`;
  }
  try {
    accessSync('/dev/net/tun', constants.R_OK | constants.W_OK);
  } catch {
    return 'no /dev/net/tun (the delayed link needs TUN devices)';
  }
  return null;
}

/** The relay between the namespaces; `delay(rtt)` changes its delay while everything runs. */
export function tunLink(holder, consts) {
  return async (cloud, client) => {
    const relay = spawn(
      'ip',
      ['netns', 'exec', client.name, which('python3'), RELAY, 'zt0', `/run/netns/${cloud.name}`, '0'],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let err = '';
    relay.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    const lines = [];
    const waiters = [];
    let buffered = '';
    relay.stdout.setEncoding('utf8').on('data', (d) => {
      buffered += d;
      for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
        lines.push(buffered.slice(0, i));
        buffered = buffered.slice(i + 1);
        waiters.shift()?.();
      }
    });
    const nextLine = () =>
      new Promise((resolve, reject) => {
        if (lines.length) return resolve(lines.shift());
        const onExit = () => reject(new Error(`tun relay exited: ${err}`));
        relay.once('exit', onExit);
        waiters.push(() => {
          relay.off('exit', onExit);
          resolve(lines.shift());
        });
      });
    await nextLine();
    holder.relay = relay;
    holder.delay = async (rttMs) => {
      relay.stdin.write(`${rttMs / 2}\n`);
      await nextLine();
    };
    const { CLOUD_IP, FILTERING_DNS_IP, CLIENT_IP } = consts;
    for (const ip of [CLOUD_IP, FILTERING_DNS_IP]) cloud.run('ip', ['addr', 'add', `${ip}/24`, 'dev', 'zt0']);
    cloud.run('ip', ['link', 'set', 'zt0', 'up']);
    client.run('ip', ['addr', 'add', `${CLIENT_IP}/24`, 'dev', 'zt0']);
    client.run('ip', ['link', 'set', 'zt0', 'up']);
    client.run('ip', ['route', 'add', 'default', 'via', CLOUD_IP]);
  };
}

/** The interop profile with HTTPS hosts added up to `n` endpoints. */
export function profileWith(base, n, extraHosts) {
  const https = base.endpoints.find((e) => e.protocol === 'https' && e.trust === 'public');
  const extra = extraHosts
    .slice(0, Math.max(0, n - base.endpoints.length))
    .map((host) => ({ ...https, host }));
  return {
    ...base,
    id: `bench-${n}`,
    name: `bench, ${n} endpoints`,
    endpoints: [...base.endpoints, ...extra],
  };
}

/** The technician's routine for a profile, as a bash script: one chain per host (all endpoints here have distinct hosts). */
function routineScript(profile, roots, dnsIp, parallel) {
  const chains = profile.endpoints.map((e) => {
    if (e.protocol === 'ntp') return `chain_ntp ${e.host}`;
    return `${e.protocol === 'https' ? 'chain_https' : 'chain_tls'} ${e.host} ${e.port}`;
  });
  const run = parallel
    ? `pids=()\n${chains.map((c) => `${c} & pids+=($!)`).join('\n')}\nfail=0\nfor p in "\${pids[@]}"; do wait "$p" || fail=1; done\nexit $fail\n`
    : `${chains.map((c) => `${c} || exit 1`).join('\n')}\n`;
  return `set -u
roots=${roots}
resolve() { local ip; ip=$(dig +short +tries=1 +time=5 @${dnsIp} "$1" A | tail -n1); [ -n "$ip" ] || { echo "dig $1: no address" >&2; return 1; }; echo "$ip"; }
chain_ntp() { local ip; ip=$(resolve "$1") && ntpdate -q "$ip" >/dev/null || { echo "ntp $1 failed" >&2; return 1; }; }
tls_steps() {
  nc -z -w 5 "$1" "$3" || { echo "nc $2:$3 failed" >&2; return 1; }
  openssl s_client -connect "$1:$3" -servername "$2" -tls1_2 -CAfile "$roots" -verify_return_error -brief </dev/null >/dev/null 2>&1 || { echo "openssl $2:$3 failed" >&2; return 1; }
}
chain_tls() { local ip; ip=$(resolve "$1") || return 1; tls_steps "$ip" "$1" "$2"; }
chain_https() {
  local ip; ip=$(resolve "$1") || return 1
  tls_steps "$ip" "$1" "$2" || return 1
  curl -sS -o /dev/null --max-time 5 --cacert "$roots" --resolve "$1:$2:$ip" "https://$1:$2/" || { echo "curl $1 failed" >&2; return 1; }
}
${run}`;
}

function timed(argv, env, timeoutMs = 60_000) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: performance.now() - started });
    });
  });
}

export async function realNetwork({ quick, gnuTime }) {
  const title = 'real network (dnsmasq, nginx, mosquitto, chronyd over a delayed TUN link)';
  const why = unavailable();
  if (why) {
    console.log(skipLine(title, why));
    return {};
  }
  register('./ts-hooks.js', import.meta.url);
  const interop = await import('../helpers/interop.ts');
  const why2 = interop.interopUnavailable();
  if (why2) {
    console.log(skipLine(title, why2));
    return {};
  }
  const extraHosts = Array.from(
    { length: Math.max(...ENDPOINTS) - 5 },
    (_, i) => `e${String(i + 1).padStart(2, '0')}.bench.test`,
  );
  const holder = {};
  const cloud = new interop.InteropCloud();
  const results = {};
  try {
    await cloud.start({ link: tunLink(holder, interop), extraHttpsHosts: extraHosts });
    const base = JSON.parse(readFileSync(cloud.profileFile, 'utf8'));
    const roots = path.join(cloud.dir, 'bench-roots.pem');
    writeFileSync(roots, `${cloud.testRootPem}\n${cloud.privateRootPem}\n`);
    const env = {
      ...process.env,
      NO_COLOR: '1',
      ZAPCHECK_GUARD: 'loopback',
      ZAPCHECK_GUARD_ALLOW: '198.18.0.0/15',
    };
    for (const k of Object.keys(env)) if (/^(https?|all|no)_proxy$/i.test(k)) delete env[k];
    const inClient = (argv) => ['ip', 'netns', 'exec', cloud.client.name, ...argv];
    const setups = ENDPOINTS.map((n) => {
      const profile = profileWith(base, n, extraHosts);
      const file = path.join(cloud.dir, `bench-${n}.profile.json`);
      writeFileSync(file, JSON.stringify(profile));
      const scripts = {};
      for (const mode of ['parallel', 'sequential']) {
        scripts[mode] = path.join(cloud.dir, `routine-${n}-${mode}.sh`);
        writeFileSync(scripts[mode], routineScript(profile, roots, interop.CLOUD_IP, mode === 'parallel'));
      }
      return { n, file, scripts };
    });
    const runs = quick ? 3 : 7;
    const zapcheck = async (setup, i, wrap = []) => {
      const json = path.join(cloud.dir, `report-${setup.n}-${i}.json`);
      const r = await timed(
        inClient([
          ...wrap,
          process.execPath,
          BIN,
          'site',
          'bench',
          '--profile',
          setup.file,
          '--trust-roots',
          cloud.trustRootsFile,
          '--dns-server',
          interop.CLOUD_IP,
          '--lang',
          'en',
          '--json',
          json,
          '--no-history',
        ]),
        env,
      );
      const report = JSON.parse(readFileSync(json, 'utf8'));
      // A run that is not ready on a healthy network is counted and said on its line, not hidden.
      const bad = report.checks
        .filter((c) => c.status !== 'pass' && c.status !== 'skip')
        .map((c) => `${c.id} ${c.cause}`);
      return { ms: r.ms, durationMs: report.durationMs, out: r.out, bad };
    };
    const routine = async (setup, mode) => {
      const r = await timed(inClient(['bash', setup.scripts[mode]]), env, 120_000);
      if (r.code !== 0) throw new Error(`${mode} routine (${setup.n} endpoints) failed: ${r.out}`);
      return r.ms;
    };

    for (const rtt of RTTS) {
      await holder.delay(rtt);
      for (const setup of setups) {
        const withSequential = setup.n === ENDPOINTS[0];
        const zap = [];
        const par = [];
        const seq = [];
        const node = [];
        for (let i = -1; i < runs; i++) {
          const z = await zapcheck(setup, i);
          const p = await routine(setup, 'parallel');
          const s = withSequential ? await routine(setup, 'sequential') : 0;
          const nd =
            rtt === 0 && withSequential ? (await timed(inClient([process.execPath, '-e', '0']), env)).ms : 0;
          if (i < 0) continue;
          zap.push(z);
          par.push(p);
          seq.push(s);
          node.push(nd);
        }
        const zw = median(zap.map((z) => z.ms));
        const pw = median(par);
        const where = `RTT ${rtt} ms, ${setup.n} endpoints`;
        const notReady = zap.filter((z) => z.bad.length > 0);
        const causes = [...new Set(notReady.flatMap((z) => z.bad.map((b) => b.split(' ')[1])))];
        const warning = notReady.length
          ? `; UNEXPECTED: ${notReady.length} of ${runs} zapcheck runs not ready (${causes.join(', ')})`
          : '';
        console.log(
          ratioLine(`${where}: zapcheck wall / parallel shell routine`, zw / pw, {
            goal: 1,
            detail: `medians of ${runs}: ${ms(zw)} / ${ms(pw)}${warning}`,
          }),
        );
        if (withSequential) {
          const sw = median(seq);
          console.log(
            ratioLine(`${where}: zapcheck wall / sequential shell routine`, zw / sw, {
              detail: `medians of ${runs}: ${ms(zw)} / ${ms(sw)}`,
            }),
          );
          if (rtt > 0) {
            const d = median(zap.map((z) => z.durationMs));
            const floor = 5 * rtt;
            console.log(
              ratioLine(`${where}: report durationMs / 5-RTT floor`, d / floor, {
                goal: 1.2,
                detail: `median of ${runs}: ${ms(d)} / ${floor} ms (DNS 1, TCP 1, TLS 1.2 2, HTTP 1)`,
              }),
            );
          } else {
            const outside = median(zap.map((z) => z.ms - z.durationMs));
            const n0 = median(node);
            console.log(
              ratioLine(`${where}: wall outside the checks / node -e 0`, outside / n0, {
                goal: 1.5,
                detail: `medians of ${runs}: ${ms(outside)} (wall - report durationMs) / ${ms(n0)}`,
              }),
            );
            results.startup = outside / n0;
          }
        }
      }
    }
    if (gnuTime) {
      await holder.delay(0);
      const peaks = [];
      for (let i = 0; i < 3; i++) {
        const json = path.join(cloud.dir, `rss-${i}.json`);
        const r = await timed(
          inClient([
            gnuTime,
            '-f',
            'maxrss_kb=%M',
            process.execPath,
            BIN,
            'site',
            'bench',
            '--profile',
            setups[0].file,
            '--trust-roots',
            cloud.trustRootsFile,
            '--dns-server',
            interop.CLOUD_IP,
            '--json',
            json,
            '--no-history',
          ]),
          env,
        );
        const kb = Number(/maxrss_kb=(\d+)/.exec(r.out)?.[1]);
        if (Number.isFinite(kb)) peaks.push(kb / 1024);
      }
      const peak = Math.max(...peaks);
      console.log(
        ratioLine('peak RSS, real mode (5 endpoints, RTT 0) / 60 MB', peak / 60, {
          goal: 1,
          detail: `worst of ${peaks.length}: ${peak.toFixed(1)} MB (${peaks.map((p) => p.toFixed(1)).join(' / ')})`,
        }),
      );
    }
  } finally {
    holder.relay?.stdin.end();
    holder.relay?.kill('SIGKILL');
    await cloud.close();
  }
  return results;
}

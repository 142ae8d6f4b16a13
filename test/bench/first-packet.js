// `npm run bench`, first packet (issue 14: packets out first). Not a test. Run by run.js inside a network
// namespace it made (loopback only): a UDP socket on 127.0.0.1 plays the site's resolver, and this script
// times, on its own clock, from spawning `zapcheck site --dns-server 127.0.0.1:<port>` (real mode, inside
// the namespace) to the first DNS query arriving; the run is then ended (SIGKILL: what follows is not
// measured here). Interleaved with `node -e 0` (spawn to exit). Prints one JSON line:
// { first: [ms...], node: [ms...] }.
//
//   node first-packet.js <zapcheck bin> <runs> [zapcheck args...]
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';

const [bin, runsArg, ...extra] = process.argv.slice(2);
const runs = Number(runsArg);
const socket = dgram.createSocket('udp4');
await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
const { port } = socket.address();
let onQuery = null;
socket.on('message', () => onQuery?.());

function firstQuery() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        bin,
        'site',
        'bench',
        '--dns-server',
        `127.0.0.1:${port}`,
        '--deadline',
        '5',
        '--no-history',
        ...extra,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => (err += d));
    let got = null;
    onQuery = () => {
      if (got !== null) return;
      got = performance.now() - started;
      onQuery = null;
      child.kill('SIGKILL');
    };
    child.on('error', reject);
    child.on('close', (code) => {
      if (got === null) reject(new Error(`zapcheck sent no DNS query (exit ${code}): ${err}`));
      else resolve(got);
    });
  });
}

function nodeE0() {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

const first = [];
const node = [];
for (let i = -1; i < runs; i++) {
  const f = await firstQuery();
  const n = await nodeE0();
  if (i < 0) continue;
  first.push(f);
  node.push(n);
}
socket.close();
console.log(JSON.stringify({ first, node }));

// Benchmark (not a test): parse a 65,536-entry neighbour table (`ip -j neigh` JSON and `ip neigh`
// text) and compare with a plain split of the same text, in the same run.
// Usage: npm run build && node test/bench/neigh-table.js   (reads the compiled parsers from dist/)
import { best, ms as fmtMs, ratioLine } from './format.js';

const { parseIpNeighJson, parseIpNeighText } = await import('../../dist/platform/net/linux.js');

const N = 65536;
const rows = [];
for (let i = 0; i < N; i++) {
  const ip = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const mac = `02:00:00:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
  rows.push({ ip, mac, state: i % 7 === 0 ? 'FAILED' : 'REACHABLE' });
}
const json = JSON.stringify(
  rows.map((r) =>
    r.state === 'FAILED'
      ? { dst: r.ip, dev: 'eth0', state: ['FAILED'] }
      : { dst: r.ip, dev: 'eth0', lladdr: r.mac, state: [r.state] },
  ),
);
const text = rows
  .map((r) =>
    r.state === 'FAILED' ? `${r.ip} dev eth0 FAILED` : `${r.ip} dev eth0 lladdr ${r.mac} ${r.state}`,
  )
  .join('\n');

const plainText = best(() => text.split('\n').map((l) => l.split(' ')));
const plainJson = best(() => JSON.parse(json));
const parsedText = best(() => parseIpNeighText(text));
const parsedJson = best(() => parseIpNeighJson(json));
if (parseIpNeighText(text).length !== N || parseIpNeighJson(json).length !== N)
  throw new Error('wrong entry count');
// One line per parser in the format of npm run bench (./format.js); the goal is the "well under 100 ms".
console.log(
  ratioLine(`neighbour table ${N}: ip neigh text parse / plain split`, parsedText / plainText, {
    detail: `best of 7: ${fmtMs(parsedText)} / ${fmtMs(plainText)}; goal < 100 ms: ${parsedText < 100 ? 'met' : 'NOT met'}`,
  }),
);
console.log(
  ratioLine(`neighbour table ${N}: ip -j neigh parse / JSON.parse`, parsedJson / plainJson, {
    detail: `best of 7: ${fmtMs(parsedJson)} / ${fmtMs(plainJson)}; goal < 100 ms: ${parsedJson < 100 ? 'met' : 'NOT met'}`,
  }),
);

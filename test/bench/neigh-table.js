// Benchmark (not a test): parse a 65,536-entry neighbour table (`ip -j neigh` JSON and `ip neigh`
// text) and compare with a plain split of the same text, in the same run.
// Usage: npm run build && node test/bench/neigh-table.js   (reads the compiled parsers from dist/)
import { performance } from 'node:perf_hooks';

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

function best(fn, runs = 7) {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

const plainText = best(() => text.split('\n').map((l) => l.split(' ')));
const plainJson = best(() => JSON.parse(json));
const parsedText = best(() => parseIpNeighText(text));
const parsedJson = best(() => parseIpNeighJson(json));
if (parseIpNeighText(text).length !== N || parseIpNeighJson(json).length !== N)
  throw new Error('wrong entry count');
const fmt = (ms) => `${ms.toFixed(1)} ms`;
console.log(`neighbour table, ${N} entries (best of 7)`);
console.log(
  `  ip neigh text : parse ${fmt(parsedText)}  plain split ${fmt(plainText)}  ratio ${(parsedText / plainText).toFixed(1)}x`,
);
console.log(
  `  ip -j neigh   : parse ${fmt(parsedJson)}  plain JSON.parse ${fmt(plainJson)}  ratio ${(parsedJson / plainJson).toFixed(1)}x`,
);
console.log(`  target: well under 100 ms -> ${Math.max(parsedText, parsedJson) < 100 ? 'met' : 'NOT met'}`);

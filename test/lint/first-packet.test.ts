import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Packets out first (issue 14): what `zapcheck site` loads before its first DNS query is the command line,
 * the site context, the runner, the checks and the DNS probe. Renderers, history, the TLS/HTTP/MQTT probes,
 * the lab and the big libraries (the Public Suffix List, X.509, colour and width tables) are imported
 * lazily, so they load while the first answers are in flight or not at all. This follows the static
 * `import ... from` graph of the built modules (dynamic `import()` is lazy by definition).
 */

const dist = path.resolve(import.meta.dirname, '../../dist');

/** Every built module and package a module loads before running, following static imports only. */
function staticClosure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(
      /^(?:import|export)\s[^;]*?from\s+'([^']+)';?$|^import\s+'([^']+)';?$/gms,
    )) {
      const spec = m[1] ?? m[2] ?? '';
      if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
      else if (!spec.startsWith('node:'))
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  };
  visit(path.join(dist, entry));
  return { files, packages };
}

const rel = (files: Set<string>): string[] => [...files].map((f) => path.relative(dist, f)).sort();

describe('before the first packet of zapcheck site', () => {
  const { files, packages } = staticClosure('cli/site-run.js');

  it('the DNS probe and the checks are loaded (the closure is followed at all)', () => {
    expect(rel(files)).toEqual(
      expect.arrayContaining(['probes/dns.js', 'checks/index.js', 'core/runner.js']),
    );
    expect([...packages]).toContain('dns-packet');
  });

  it('no renderer, history reader, lab, Wi-Fi parser or TLS/HTTP/MQTT/NTP probe', () => {
    const early = rel(files).filter((f) =>
      /^(report|lab)\/|^history\/survey|^platform\/wifi\/|^probes\/(tls|https|mqtt|sntp|tcp|wifi-scan)\.js/.test(
        f,
      ),
    );
    expect(early).toEqual([]);
  });

  it('no Public Suffix List, X.509, colour, width, spinner, YAML or MQTT library', () => {
    const heavy = [...packages].filter((p) =>
      [
        'tldts',
        '@peculiar/x509',
        'chalk',
        'string-width',
        'wrap-ansi',
        'ora',
        'yaml',
        'mqtt-packet',
        'ajv',
      ].includes(p),
    );
    expect(heavy).toEqual([]);
  });
});

describe('zapcheck site --lab, on the thread that runs the checks', () => {
  it('loads the scenario table and the lab as data, never the lab servers or X.509 (they run in a worker)', () => {
    const remote = staticClosure('lab/remote.js');
    const table = staticClosure('lab/scenarios.js');
    const files = rel(new Set([...remote.files, ...table.files]));
    expect(files).toContain('lab/routes.js');
    expect(
      files.filter((f) => /^lab\/(index|ca|tls-servers|dns-server|ntp-server|worker)\.js$/.test(f)),
    ).toEqual([]);
    expect([...remote.packages, ...table.packages]).toEqual([]);
    // The worker itself does load them (the check can fail).
    expect(rel(staticClosure('lab/worker.js').files)).toContain('lab/ca.js');
  });
});

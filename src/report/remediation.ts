import type { Audience, CheckResult, Remediation } from '../core/result.js';

/**
 * One request per fault to IT: the same remediation for several hosts becomes one numbered item that
 * lists the hosts ("Turn off TLS inspection by Fortinet FortiGate for: a:8883, b:443, ..."; five
 * "cannot resolve" items one). Pure and self-contained, over the finished results of any report (the
 * texts are already in the report's language), so every renderer that lists remediation can use it.
 *
 * Two remediations are the same fault when their texts are equal once the check's own target is taken
 * out: `host:port` where the text names it, else `host`, named exactly once. A text that names its host
 * twice, or none, is kept as it is (identical texts are still listed once).
 */

export interface RemediationItem {
  audience: Audience;
  text: string;
  /** The targets this one item covers (`host:port` or `host`), in check order; [] when it names none. */
  targets: string[];
}

export interface GroupedRemediation {
  it: RemediationItem[];
  installer: RemediationItem[];
}

const SLOT = '\u0000';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Occurrences of `name` as a whole host name (not inside a longer name; a sentence's full stop may follow). */
function occurrences(text: string, name: string): RegExpMatchArray[] {
  const re = new RegExp(`(?<![A-Za-z0-9.-])${escapeRegExp(name)}(?![A-Za-z0-9-]|\\.[A-Za-z0-9])`, 'g');
  return [...text.matchAll(re)];
}

/** The text with its check's target cut out, and that target; null when it does not name it exactly once. */
export function templateOf(
  text: string,
  target: CheckResult['target'],
): { template: string; target: string } | null {
  const host = target.host;
  if (!host) return null;
  const hostHits = occurrences(text, host);
  if (hostHits.length !== 1) return null;
  const hit = hostHits[0]!;
  const at = hit.index ?? 0;
  const withPort = target.port !== undefined ? `${host}:${target.port}` : null;
  if (withPort && text.startsWith(withPort, at) && !/[0-9]/.test(text.charAt(at + withPort.length))) {
    return { template: text.slice(0, at) + SLOT + text.slice(at + withPort.length), target: withPort };
  }
  return { template: text.slice(0, at) + SLOT + text.slice(at + host.length), target: host };
}

/** Failures' remediation first, then warnings', each audience in check order (IT is what gets handed over). */
export function groupRemediation(checks: readonly CheckResult[]): GroupedRemediation {
  interface Slot {
    audience: Audience;
    template: string | null;
    text: string;
    targets: string[];
  }
  const slots = new Map<string, Slot>();
  const add = (r: Remediation, c: CheckResult): void => {
    const t = templateOf(r.text, c.target);
    const key = `${r.audience}\n${t ? t.template : r.text}`;
    const slot = slots.get(key);
    if (!slot) {
      slots.set(key, {
        audience: r.audience,
        template: t?.template ?? null,
        text: r.text,
        targets: t ? [t.target] : [],
      });
    } else if (t && !slot.targets.includes(t.target)) {
      slot.targets.push(t.target);
    }
  };
  for (const c of checks)
    if (c.status === 'fail' || c.status === 'error') for (const r of c.remediation) add(r, c);
  for (const c of checks) if (c.status === 'warn') for (const r of c.remediation) add(r, c);
  const out: GroupedRemediation = { it: [], installer: [] };
  for (const s of slots.values()) {
    const text =
      s.template !== null && s.targets.length > 1 ? s.template.replace(SLOT, s.targets.join(', ')) : s.text;
    out[s.audience].push({ audience: s.audience, text, targets: s.targets });
  }
  return out;
}

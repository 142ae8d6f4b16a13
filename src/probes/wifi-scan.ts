/**
 * The wifiScan probe: runs the platform's scanner (or reads a saved scan) and parses it. Never throws:
 * no scanner, no adapter, no permission, a timeout or an empty scan come back as a ProbeResult error whose
 * `cause` says why (`reason`) and which command would work (`hint`), so the wifi check can skip with that.
 *
 * Linux: nmcli -> iw -> iwlist. macOS: system_profiler (airport when present; `wdutil info` completes or, with
 * no list at all, gives the connected network). Windows: netsh (networks, then interfaces for the connected BSS).
 */
import { existsSync, readdirSync } from 'node:fs';
import { probeFail, probeOk, type ProbeResult } from '../core/errors.js';
import { readInputFile } from '../core/input-file.js';
import { createTranslator, type MessageKey, type Translate, type Vars } from '../i18n/index.js';
import type { Msg, WifiScanFailureCause, WifiScanUnavailable } from './types.js';
import { runTool as realRunTool, type RunTool, type RunToolResult } from '../platform/exec.js';
import { parseScanText, SCAN_FORMAT_NAMES } from '../platform/wifi/detect.js';
import { parseIwScan } from '../platform/wifi/iw.js';
import { parseIwlistScan } from '../platform/wifi/iwlist.js';
import { parseAirportScan, parseSystemProfilerJson, parseWdutilInfo } from '../platform/wifi/macos.js';
import { decodeWindowsConsole, parseNetshInterfaces, parseNetshNetworks } from '../platform/wifi/netsh.js';
import { NMCLI_PROBE_FIELDS, parseNmcliTerse } from '../platform/wifi/nmcli.js';
import type { ParsedScan, WifiScan } from '../platform/wifi/types.js';

const EN: Translate = createTranslator('en');
const msg = (key: MessageKey, vars?: Vars): Msg => (vars ? { key, vars } : { key });
const english = (m: Msg): string => EN(m.key, m.vars);

export type WifiScanFn = (q: { timeoutMs: number }) => Promise<ProbeResult<WifiScan>>;

export interface WifiScanProbeOptions {
  platform: NodeJS.Platform;
  runTool: RunTool;
  /** A saved scan to read instead of scanning. */
  scanFile?: string;
  signal?: AbortSignal;
  /** Output limit per command, bytes (default 4 MiB). */
  maxBytes?: number;
  /** Wireless interfaces (Linux); null = unknown. Default: /sys/class/net/<if>/wireless. */
  listWifiInterfaces?: () => string[] | null;
  /** Reads a scan file (default: fs, refusing files over 16 MiB). */
  readScanFile?: (path: string) => Promise<string>;
  /** Monotonic clock for `ms` (default performance.now). */
  now?: () => number;
}

const AIRPORT = '/System/Library/PrivateFrameworks/Apple80211.framework/Versions/Current/Resources/airport';
const SCAN_FILE_HINT = msg('wifiscan.hint.file');

function linuxWifiInterfaces(): string[] | null {
  try {
    return readdirSync('/sys/class/net').filter(
      (i) => existsSync(`/sys/class/net/${i}/wireless`) || existsSync(`/sys/class/net/${i}/phy80211`),
    );
  } catch {
    return null;
  }
}

function defaultReadScanFile(path: string): Promise<string> {
  return Promise.resolve().then(() => readInputFile(path, 'scan'));
}

class Unavailable extends Error {
  constructor(
    readonly reason: WifiScanUnavailable,
    readonly text: Msg,
    readonly hint: Msg,
  ) {
    super(english(text));
  }
}

export function createWifiScanProbe(opts: WifiScanProbeOptions): WifiScanFn {
  const now = opts.now ?? (() => performance.now());
  const maxBytes = opts.maxBytes ?? 4 * 1024 * 1024;
  return async ({ timeoutMs }) => {
    const started = now();
    const deadline = started + Math.max(1, timeoutMs);
    const tried: string[] = [];
    const left = (): number => Math.max(1, Math.floor(deadline - now()));
    const run = async (
      file: string,
      args: string[],
      extra: { latin1?: boolean } = {},
    ): Promise<RunToolResult> => {
      const r = await opts.runTool(file, args, {
        timeoutMs: left(),
        maxBytes,
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(extra.latin1 ? { encoding: 'latin1' as const } : {}),
      });
      tried.push(r.ok ? `${[file, ...args].join(' ')}: ok` : r.message);
      return r;
    };
    const done = (parsed: ParsedScan, source: WifiScan['source']): ProbeResult<WifiScan> =>
      probeOk({ ...parsed, source }, Math.round(now() - started));
    const fail = (reason: WifiScanUnavailable, text: Msg, hintMsg: Msg): ProbeResult<WifiScan> => {
      const message = english(text);
      const hint = english(hintMsg);
      const cause: WifiScanFailureCause = { reason, hint, tried, text: { message: text, hint: hintMsg } };
      const code =
        reason === 'TIMEOUT'
          ? 'TIMEOUT'
          : reason === 'DENIED'
            ? 'AUTH'
            : reason === 'BAD_FILE'
              ? 'PROTOCOL'
              : 'UNREACHABLE';
      return probeFail(code, message, Math.round(now() - started), cause);
    };
    try {
      if (opts.scanFile !== undefined) {
        let text: string;
        try {
          text = await (opts.readScanFile ?? defaultReadScanFile)(opts.scanFile);
        } catch (err) {
          return fail(
            'BAD_FILE',
            msg('wifiscan.file.unreadable', {
              file: opts.scanFile,
              message: err instanceof Error ? err.message : String(err),
            }),
            SCAN_FILE_HINT,
          );
        }
        const parsed = parseScanText(text);
        if (parsed.format === 'unknown') {
          return fail('BAD_FILE', msg('wifiscan.file.unknown', { file: opts.scanFile }), SCAN_FILE_HINT);
        }
        return done(parsed, { kind: 'file', path: opts.scanFile });
      }
      switch (opts.platform) {
        case 'linux':
          return done(...(await scanLinux(run, opts.listWifiInterfaces ?? linuxWifiInterfaces)));
        case 'darwin':
          return done(...(await scanMac(run)));
        case 'win32':
          return done(...(await scanWindows(run)));
        default:
          return fail('NO_SCANNER', msg('wifiscan.platform', { platform: opts.platform }), SCAN_FILE_HINT);
      }
    } catch (err) {
      if (err instanceof Unavailable) return fail(err.reason, err.text, err.hint);
      return fail(
        'NO_SCANNER',
        msg('wifiscan.failed', { message: err instanceof Error ? err.message : String(err) }),
        SCAN_FILE_HINT,
      );
    }
  };
}

type Run = (file: string, args: string[], extra?: { latin1?: boolean }) => Promise<RunToolResult>;
type Found = [ParsedScan, WifiScan['source']];

function timeoutOr(r: RunToolResult): void {
  if (!r.ok && r.error === 'TIMEOUT')
    throw new Unavailable(
      'TIMEOUT',
      msg('wifiscan.tool', { message: r.message }),
      msg('wifiscan.hint.timeout'),
    );
}

function emptyScan(parsed: ParsedScan, command: string, why: string): Found {
  return [
    { ...parsed, notes: [...parsed.notes, why] },
    { kind: 'command', command },
  ];
}

async function scanLinux(run: Run, listIfs: () => string[] | null): Promise<Found> {
  const ifs = listIfs();
  if (ifs !== null && ifs.length === 0) {
    throw new Unavailable('NO_ADAPTER', msg('wifiscan.noadapter.sys'), msg('wifiscan.hint.noadapter'));
  }
  const nmArgs = [
    '--terse',
    '--escape',
    'yes',
    '--fields',
    NMCLI_PROBE_FIELDS.join(','),
    'device',
    'wifi',
    'list',
  ];
  const nm = await run('nmcli', nmArgs);
  timeoutOr(nm);
  if (nm.ok) {
    const parsed = parseNmcliTerse(nm.stdout, NMCLI_PROBE_FIELDS);
    const cmd = `nmcli ${nmArgs.join(' ')}`;
    if (parsed.records.length > 0) return [parsed, { kind: 'command', command: cmd }];
    return emptyScan(
      parsed,
      cmd,
      'nmcli lists no networks: Wi-Fi may be switched off (nmcli radio wifi on) or nothing is in range',
    );
  }
  const nmNoDevice = !nm.ok && /no wi-?fi device|not found.*wifi/i.test(nm.message);
  // iw: needs an interface name.
  const iwDev = await run('iw', ['dev']);
  timeoutOr(iwDev);
  if (iwDev.ok) {
    const names = [...iwDev.stdout.matchAll(/^\s*Interface (\S+)/gm)].map((m) => m[1] as string);
    if (names.length === 0) {
      throw new Unavailable('NO_ADAPTER', msg('wifiscan.noadapter.iw'), SCAN_FILE_HINT);
    }
    const dev = names[0] as string;
    const scan = await run('iw', ['dev', dev, 'scan']);
    timeoutOr(scan);
    let text = scan.ok ? scan.stdout : null;
    let cmd = `iw dev ${dev} scan`;
    if (!scan.ok) {
      // A fresh scan needs CAP_NET_ADMIN; the kernel's cached results do not.
      const dump = await run('iw', ['dev', dev, 'scan', 'dump']);
      timeoutOr(dump);
      if (dump.ok) {
        text = dump.stdout;
        cmd = `iw dev ${dev} scan dump`;
      } else if (scan.error === 'DENIED' || /not permitted|-1/.test(scan.message)) {
        throw new Unavailable(
          'DENIED',
          msg('wifiscan.denied.root', { message: scan.message }),
          msg('wifiscan.hint.sudo', { dev }),
        );
      }
    }
    if (text !== null) {
      const parsed = parseIwScan(text);
      if (parsed.records.length > 0) return [parsed, { kind: 'command', command: cmd }];
      return emptyScan(
        parsed,
        cmd,
        `${cmd} returned no networks (cached results may be empty: run 'sudo iw dev ${dev} scan')`,
      );
    }
  }
  const iwl = await run('iwlist', ['scan']);
  timeoutOr(iwl);
  if (iwl.ok) {
    const parsed = parseIwlistScan(iwl.stdout);
    if (parsed.records.length > 0) return [parsed, { kind: 'command', command: 'iwlist scan' }];
    return emptyScan(
      parsed,
      'iwlist scan',
      'iwlist returned no networks (no adapter scanned, or not run as root)',
    );
  }
  if (nmNoDevice) throw new Unavailable('NO_ADAPTER', msg('wifiscan.noadapter.nm'), SCAN_FILE_HINT);
  const notFound = [nm, iwDev, iwl].every((r) => !r.ok && r.error === 'NOT_FOUND');
  if (notFound) {
    throw new Unavailable('NO_SCANNER', msg('wifiscan.noscanner.missing'), msg('wifiscan.hint.install'));
  }
  throw new Unavailable(
    'NO_SCANNER',
    msg('wifiscan.noscanner.failed'),
    msg('wifiscan.hint.sudo', { dev: 'wlan0' }),
  );
}

/**
 * `wdutil info` (macOS 12+, needs root): the connected network's channel, RSSI, security and BSSID. Optional:
 * a failure or a timeout only means it adds nothing.
 */
async function wdutilConnected(run: Run): Promise<ParsedScan | null> {
  const r = await run('wdutil', ['info']);
  if (!r.ok) return null;
  const parsed = parseWdutilInfo(r.stdout);
  return parsed.records.length > 0 ? parsed : null;
}

/**
 * Completes the scan's connected network from wdutil when both describe the same radio (same band and
 * channel, and the same SSID unless macOS redacted it): the BSSID, RSSI, security and width system_profiler
 * left out. A connected network wdutil names that the scan lacks is added.
 */
export function mergeWdutil(scan: ParsedScan, wd: ParsedScan): ParsedScan {
  const w = wd.records[0];
  if (!w) return scan;
  const c = scan.records.find(
    (r) =>
      r.connected && r.band === w.band && r.channel === w.channel && (w.ssid === '' || r.ssid === w.ssid),
  );
  if (c) {
    if (c.bssid === null && w.bssid !== null) c.bssid = w.bssid;
    if (c.signalDbm === null && w.signalDbm !== null) {
      c.signalDbm = w.signalDbm;
      c.signalSource = 'dbm';
    }
    if (c.security.length === 0 && w.security.length > 0) c.security = w.security;
    if (c.widthMhz === undefined && w.widthMhz !== undefined) c.widthMhz = w.widthMhz;
    return { ...scan, notes: [...scan.notes, 'connected network completed from wdutil info'] };
  }
  if (w.ssid !== '' && !scan.records.some((r) => r.connected)) {
    return {
      ...scan,
      records: [...scan.records, w],
      notes: [...scan.notes, 'connected network from wdutil info'],
    };
  }
  return scan;
}

async function scanMac(run: Run): Promise<Found> {
  const sp = await run('system_profiler', ['-json', '-detailLevel', 'basic', 'SPAirPortDataType']);
  timeoutOr(sp);
  if (sp.ok) {
    const parsed = parseSystemProfilerJson(sp.stdout);
    if (parsed.records.length > 0) {
      const complete = parsed.records.some((r) => r.connected && r.bssid !== null && r.signalDbm !== null);
      const wd = complete ? null : await wdutilConnected(run);
      return [
        wd ? mergeWdutil(parsed, wd) : parsed,
        { kind: 'command', command: 'system_profiler -json SPAirPortDataType' },
      ];
    }
    if (parsed.notes.some((n) => /switched off/.test(n))) {
      throw new Unavailable('WIFI_OFF', msg('wifiscan.mac.off'), msg('wifiscan.hint.mac.on'));
    }
  }
  if (existsSync(AIRPORT)) {
    const ap = await run(AIRPORT, ['-s']);
    timeoutOr(ap);
    if (ap.ok) {
      const parsed = parseAirportScan(ap.stdout);
      if (parsed.records.length > 0) return [parsed, { kind: 'command', command: 'airport -s' }];
    }
  }
  // No list of networks: the connected one alone still answers channel, signal and security.
  const wd = await wdutilConnected(run);
  if (wd && wd.records.some((r) => r.ssid !== '')) return [wd, { kind: 'command', command: 'wdutil info' }];
  if (sp.ok)
    return emptyScan(
      parseSystemProfilerJson(sp.stdout),
      'system_profiler -json SPAirPortDataType',
      'macOS listed no networks (Location permission for the terminal may be missing)',
    );
  throw new Unavailable(
    'NO_SCANNER',
    msg('wifiscan.tool', { message: sp.message }),
    msg('wifiscan.hint.mac.save'),
  );
}

async function scanWindows(run: Run): Promise<Found> {
  const nets = await run('netsh', ['wlan', 'show', 'networks', 'mode=bssid'], { latin1: true });
  timeoutOr(nets);
  const text = (r: RunToolResult): string =>
    decodeWindowsConsole(Buffer.from(r.ok ? r.stdout : `${r.stdout ?? ''}${r.stderr ?? ''}`, 'latin1'));
  if (!nets.ok) {
    const out = `${text(nets)} ${nets.message}`;
    if (nets.error === 'NOT_FOUND')
      throw new Unavailable('NO_SCANNER', msg('wifiscan.netsh.missing'), SCAN_FILE_HINT);
    if (/location/i.test(out) || nets.error === 'DENIED') {
      throw new Unavailable('DENIED', msg('wifiscan.win.location'), msg('wifiscan.hint.win.location'));
    }
    if (/wlansvc|no wireless interface|AutoConfig/i.test(out)) {
      throw new Unavailable('NO_ADAPTER', msg('wifiscan.win.noadapter'), SCAN_FILE_HINT);
    }
    throw new Unavailable(
      'NO_SCANNER',
      msg('wifiscan.tool', { message: nets.message }),
      msg('wifiscan.hint.win.save'),
    );
  }
  const parsed = parseNetshNetworks(text(nets));
  const ifs = await run('netsh', ['wlan', 'show', 'interfaces'], { latin1: true });
  if (ifs.ok) {
    for (const c of parseNetshInterfaces(text(ifs)).records.filter((r) => r.connected)) {
      const same = parsed.records.filter((r) => r.bssid !== null && r.bssid === c.bssid);
      if (same.length > 0) for (const r of same) r.connected = true;
      else parsed.records.push(c);
    }
  }
  const cmd = 'netsh wlan show networks mode=bssid';
  if (parsed.records.length > 0) return [parsed, { kind: 'command', command: cmd }];
  return emptyScan(
    parsed,
    cmd,
    'netsh lists no networks: Wi-Fi may be off, or Windows has not scanned yet (open the Wi-Fi menu once)',
  );
}

/**
 * The probe for a site run, from its context: a saved scan when the site command was given --scan-file
 * (`ctx.options.extra.scanFile`), else the platform's scanner, tied to the run's AbortSignal.
 */
export function wifiScanProbeFor(ctx: {
  options?: { extra?: Record<string, unknown> };
  signal?: AbortSignal;
  platform?: NodeJS.Platform;
  runTool?: RunTool;
}): WifiScanFn {
  const scanFile = ctx.options?.extra?.scanFile;
  return createWifiScanProbe({
    platform: ctx.platform ?? process.platform,
    runTool: ctx.runTool ?? realRunTool,
    ...(typeof scanFile === 'string' ? { scanFile } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
}

export { SCAN_FORMAT_NAMES };
export type { Msg, WifiScanFailureCause, WifiScanUnavailable };

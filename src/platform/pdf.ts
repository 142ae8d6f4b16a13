import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The handover as PDF: the one-page HTML printed by a headless Chrome, Chromium or Edge already on this
 * computer (zapcheck ships no browser). Here, without I/O: where such a browser is looked for, and the
 * flags it is run with, every network path closed (all names resolve to nothing, every request,
 * loopback included, goes to a proxy that is not there), although the page itself loads nothing (its
 * Content Security Policy forbids it). src/cli/pdf.ts runs it (through exec.ts) on a temporary file.
 */

const LINUX_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];
const MAC_APPS = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
];
const WINDOWS_APPS = [
  ['Google', 'Chrome', 'Application', 'chrome.exe'],
  ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
  ['Chromium', 'Application', 'chrome.exe'],
];

/**
 * Where to look for the browser, in order: $CHROME_PATH, a known name in each PATH folder, the usual
 * install folders (macOS /Applications, Windows Program Files and the user's AppData).
 */
export function browserCandidates(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  const out: string[] = [];
  const add = (file: string): void => {
    out.push(file);
  };
  const win = platform === 'win32';
  const p = win ? path.win32 : path.posix;
  if (env.CHROME_PATH) add(env.CHROME_PATH);
  const names = win ? ['chrome.exe', 'msedge.exe', 'chromium.exe'] : LINUX_NAMES;
  const dirs = (env.PATH ?? env.Path ?? '').split(win ? ';' : ':').filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      add(p.join(dir, name));
    }
  }
  if (platform === 'darwin') {
    for (const app of MAC_APPS) {
      for (const file of [app, p.join(env.HOME ?? '', app)]) add(file);
    }
  }
  if (win) {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
      (r): r is string => typeof r === 'string' && r !== '',
    );
    for (const parts of WINDOWS_APPS) {
      for (const root of roots) {
        add(p.join(root, ...parts));
      }
    }
  }
  return out;
}

/** The flags: headless, print, no first-run work, and no way out to the network. */
export function browserArgs(opts: { html: string; pdf: string; profile: string; root: boolean }): string[] {
  return [
    '--headless',
    ...(opts.root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-extensions',
    '--disable-sync',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-domain-reliability',
    '--disable-breakpad',
    '--no-pings',
    '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication',
    // No network at all: every name resolves to nothing, every request (loopback too) goes to a dead proxy.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
    `--user-data-dir=${opts.profile}`,
    '--no-pdf-header-footer',
    '--print-to-pdf-no-header',
    `--print-to-pdf=${opts.pdf}`,
    pathToFileURL(opts.html).href,
  ];
}

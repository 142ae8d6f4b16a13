/**
 * Runs `zapcheck dhcp` in-process with the given arguments and prints the JSON report. The interop
 * test compiles this file and starts it with `ip netns exec <client-namespace> node ...`, because a
 * Node process cannot enter a network namespace itself.
 */
import { Writable } from 'node:stream';
import { runDhcpCommand } from '../../src/cli/dhcp-run.js';
import type { DhcpCommandOptions } from '../../src/cli/dhcp.js';
import { UsageError } from '../../src/core/errors.js';

const opts = JSON.parse(process.argv[2] ?? '{}') as DhcpCommandOptions;
let out = '';
let err = '';
const io = {
  stdout: new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) }),
  stderr: new Writable({ write: (c: Buffer, _e, cb) => ((err += c.toString()), cb()) }),
  env: process.env,
  cwd: process.cwd(),
};
runDhcpCommand({ ...opts, json: '-' }, io, 'test').then(
  (code) => {
    process.stdout.write(JSON.stringify({ code, report: JSON.parse(out) as unknown, text: err }));
  },
  (e: unknown) => {
    const usage = e instanceof UsageError;
    process.stdout.write(
      JSON.stringify({ code: usage ? 2 : 3, error: e instanceof Error ? e.message : String(e) }),
    );
  },
);

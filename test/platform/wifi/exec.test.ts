import { describe, expect, it } from 'vitest';
import { runTool } from '../../../src/platform/exec.js';

/** A limit these cases never wait out (a Node child that ends at once, however loaded the machine). */
const NEVER_MS = 20_000;

describe('runTool', () => {
  it('reports a missing tool as NOT_FOUND', async () => {
    const r = await runTool('zapcheck-no-such-tool', [], { timeoutMs: 2000, maxBytes: 1000 });
    expect(r).toMatchObject({ ok: false, error: 'NOT_FOUND' });
  });
  it('kills a tool that runs past its time limit', async () => {
    const r = await runTool(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], {
      timeoutMs: 300,
      maxBytes: 1000,
    });
    expect(r).toMatchObject({ ok: false, error: 'TIMEOUT' });
  });
  it('stops a tool that prints more than maxBytes', async () => {
    const r = await runTool(process.execPath, ['-e', 'process.stdout.write("x".repeat(100000))'], {
      timeoutMs: NEVER_MS,
      maxBytes: 100,
    });
    expect(r).toMatchObject({ ok: false, error: 'TOO_LARGE' });
  });
  it('passes arguments without a shell and sets LC_ALL=C by default', async () => {
    const r = await runTool(
      process.execPath,
      ['-e', 'console.log(process.argv[1], process.env.LC_ALL)', '$(echo hi);|'],
      {
        timeoutMs: NEVER_MS,
        maxBytes: 1000,
      },
    );
    expect(r).toMatchObject({ ok: true, stdout: '$(echo hi);| C\n' });
  });
  it('reports a non-zero exit as FAILED with the first line of stderr', async () => {
    const r = await runTool(process.execPath, ['-e', 'console.error("boom"); process.exit(3)'], {
      timeoutMs: NEVER_MS,
      maxBytes: 1000,
    });
    expect(r).toMatchObject({ ok: false, error: 'FAILED', code: 3 });
    if (!r.ok) expect(r.message).toContain('boom');
  });
  it('honours an abort signal', async () => {
    const ac = new AbortController();
    const p = runTool(process.execPath, ['-e', 'setTimeout(() => {}, 10000)'], {
      timeoutMs: 10000,
      maxBytes: 1000,
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 100);
    expect(await p).toMatchObject({ ok: false, error: 'TIMEOUT' });
  });
});

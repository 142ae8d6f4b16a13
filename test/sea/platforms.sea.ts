import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DIST_BIN, EXES, exe, ROOT, run } from './helpers.js';

/**
 * The other three files cannot run on this Linux x64 machine (the Windows one runs under Wine): their
 * headers must be what each OS loads, each must carry the injected SEA blob, and SHA256SUMS must cover
 * exactly the four files. Then the npm route: the tarball installs into an empty prefix and runs.
 */

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
// Node flips this fuse from :0 to :1 when a SEA blob is injected (postject --sentinel-fuse).
const FUSE_ON = Buffer.from(`NODE_SEA_FUSE_${'fce680ab2cc467b6e072b8b5df1996b2'}:1`);
const temps: string[] = [];
const temp = (prefix: string): string => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('executable formats', () => {
  const bytes = (target: keyof typeof EXES): Buffer => readFileSync(exe(target));

  it('zapcheck-linux-x64 and -arm64 are ELF64 executables for x86-64 and AArch64', () => {
    for (const [target, machine] of [
      ['linux-x64', 62],
      ['linux-arm64', 183],
    ] as const) {
      const b = bytes(target);
      expect(b.subarray(0, 4).toString('latin1'), target).toBe('\x7fELF');
      expect(b[4], `${target} ELFCLASS64`).toBe(2);
      expect(b[5], `${target} little endian`).toBe(1);
      expect(b.readUInt16LE(16), `${target} e_type EXEC or DYN`).toBeOneOf([2, 3]);
      expect(b.readUInt16LE(18), `${target} e_machine`).toBe(machine);
      expect(b.includes(FUSE_ON), `${target} has the SEA blob`).toBe(true);
    }
  });

  it('zapcheck-win-x64.exe is a PE32+ x86-64 console program with the SEA blob', () => {
    const b = bytes('win-x64');
    expect(b.subarray(0, 2).toString('latin1')).toBe('MZ');
    const pe = b.readUInt32LE(0x3c);
    expect(b.subarray(pe, pe + 4).toString('latin1')).toBe('PE\0\0');
    expect(b.readUInt16LE(pe + 4), 'IMAGE_FILE_MACHINE_AMD64').toBe(0x8664);
    const optional = pe + 24;
    expect(b.readUInt16LE(optional), 'PE32+ optional header magic').toBe(0x20b);
    expect(b.readUInt16LE(optional + 68), 'IMAGE_SUBSYSTEM_WINDOWS_CUI').toBe(3);
    expect(b.includes(FUSE_ON)).toBe(true);
  });

  it('zapcheck-macos-x64 is a 64-bit Mach-O x86_64 executable with the SEA blob in its NODE_SEA segment', () => {
    const b = bytes('macos-x64');
    expect(b.readUInt32LE(0), 'MH_MAGIC_64').toBe(0xfeedfacf);
    expect(b.readUInt32LE(4), 'CPU_TYPE_X86_64').toBe(0x01000007);
    expect(b.readUInt32LE(12), 'MH_EXECUTE').toBe(2);
    // Walk the load commands for the LC_SEGMENT_64 postject added.
    const ncmds = b.readUInt32LE(16);
    const segments: string[] = [];
    for (let i = 0, off = 32; i < ncmds; i++) {
      const cmd = b.readUInt32LE(off);
      if (cmd === 0x19)
        segments.push(
          b
            .subarray(off + 8, off + 24)
            .toString('latin1')
            .replace(/\0+$/, ''),
        );
      off += b.readUInt32LE(off + 4);
    }
    expect(segments).toContain('NODE_SEA');
    expect(b.includes(FUSE_ON)).toBe(true);
  });

  it('SHA256SUMS lists exactly the four files with their SHA-256, in `sha256sum -c` format', () => {
    const lines = readFileSync(path.join(DIST_BIN, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
    const listed = new Map(
      lines.map((l) => /^([0-9a-f]{64}) {2}(\S+)$/.exec(l)).map((m) => [m![2]!, m![1]!]),
    );
    expect(lines).toHaveLength(4);
    expect([...listed.keys()].sort()).toEqual(Object.values(EXES).sort());
    expect(readdirSync(DIST_BIN).sort()).toEqual(['SHA256SUMS', ...Object.values(EXES)].sort());
    for (const [file, sum] of listed) {
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(DIST_BIN, file)))
          .digest('hex'),
        file,
      ).toBe(sum);
    }
    // And coreutils agrees (what the README tells a Linux user to run).
    const out = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: DIST_BIN, encoding: 'utf8' });
    expect(out.trim().split('\n').sort()).toEqual(
      Object.values(EXES)
        .map((f) => `${f}: OK`)
        .sort(),
    );
  });
});

/** Where Debian's wine64 puts its loader; `wine64`/`wine` on PATH elsewhere. */
function findWine(): string | undefined {
  for (const candidate of ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Runs under Wine with stdout and stderr to files: node.exe under Wine 8 gets EBADF on a pipe. */
function wineRun(
  wine: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  dir: string,
  timeoutMs = 90_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const outFile = path.join(dir, 'stdout.txt');
  const errFile = path.join(dir, 'stderr.txt');
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  return new Promise((resolve) => {
    const child = spawn(wine, args, { cwd: dir, env, stdio: ['ignore', out, err] });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    let failure = '';
    const done = (code: number | null): void => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolve({
        code,
        stdout: readFileSync(outFile, 'utf8'),
        stderr: readFileSync(errFile, 'utf8') + failure,
      });
    };
    child.on('error', (e) => {
      failure = `\n${wine}: ${e.message}`;
      done(null);
    });
    child.on('close', done);
  });
}

describe('zapcheck-win-x64.exe under Wine', () => {
  const wine = findWine();
  const prefix = temp('zapcheck-wine-');
  const env: NodeJS.ProcessEnv = {
    PATH: '/usr/bin:/bin',
    HOME: prefix,
    WINEPREFIX: path.join(prefix, 'prefix'),
    WINEDEBUG: '-all',
    WINEDLLOVERRIDES: 'mscoree,mshtml=', // no Mono/Gecko installer dialogs
  };
  afterAll(() => {
    // Stop the wineserver of this test's own prefix (and only it).
    if (wine) {
      const server = ['/usr/lib/wine/wineserver64', '/usr/lib/wine/wineserver', '/usr/bin/wineserver'].find(
        existsSync,
      );
      if (server) execFileSync(server, ['-k'], { env, stdio: 'ignore', timeout: 30_000 });
    }
  });

  it('runs --version and site --lab (READY, exit 0), or says exactly why Wine cannot', async () => {
    expect(wine, 'Wine is not installed: apt-get install wine64 (Debian), as .ci/run does').toBeDefined();
    const setup = await wineRun(wine!, ['winecfg', '-v', 'win10'], env, prefix, 180_000);
    expect(setup.code, `winecfg -v win10 failed:\n${setup.stderr}`).toBe(0);

    const file = exe('win-x64');
    const version = await wineRun(wine!, [file, '--version'], env, prefix);
    expect(
      { code: version.code, stdout: version.stdout.replace(/\r\n/g, '\n') },
      `Wine could not run zapcheck-win-x64.exe --version; its stderr:\n${version.stderr}`,
    ).toEqual({ code: 0, stdout: `${pkg.version}\n` });

    const lab = await wineRun(wine!, [file, 'site', '--lab'], env, prefix);
    expect(lab.stdout, `site --lab under Wine; stderr:\n${lab.stderr}`).toMatch(/^READY\b/m);
    expect(lab.code, `site --lab under Wine; stderr:\n${lab.stderr}`).toBe(0);
  }, 300_000);
});

describe('the npm package', () => {
  it('the packed tarball installs into an empty prefix (no install scripts) and runs site --lab elsewhere', async () => {
    const packDir = temp('zapcheck-pack-');
    const npmEnv = {
      ...process.env,
      npm_config_loglevel: 'warn',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    };
    const pack = await run('npm', ['pack', '--pack-destination', packDir, '--json'], {
      cwd: ROOT,
      env: npmEnv,
      timeoutMs: 240_000,
    });
    expect(pack.code, pack.stderr).toBe(0);
    const info = (
      JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as {
        filename: string;
        files: { path: string }[];
      }[]
    )[0]!;
    const files = info.files.map((f) => f.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('bin/zapcheck.js');
    expect(files).toContain('dist/cli/launch.js');
    expect(files).toContain('dist/schemas/report.schema.json');
    expect(
      files.filter((f) => /^(src|test|dist-bin|fixtures|\.ci)\//.test(f) || f.startsWith('bin/sea/')),
    ).toEqual([]);

    const prefix = temp('zapcheck-prefix-');
    const install = await run(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--no-audit',
        '--no-fund',
        path.join(packDir, info.filename),
      ],
      { cwd: packDir, env: npmEnv, timeoutMs: 240_000 },
    );
    expect(install.code, install.stderr).toBe(0);
    expect(install.stderr).not.toMatch(/script/i);
    const installed = path.join(prefix, 'lib/node_modules/zapcheck');
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(manifest.scripts?.[hook], `lifecycle script ${hook}`).toBeUndefined();
    }
    expect(readFileSync(path.join(installed, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);

    const elsewhere = temp('zapcheck-elsewhere-');
    const r = await run(path.join(prefix, 'bin/zapcheck'), ['site', '--lab'], {
      cwd: elsewhere,
      env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, NO_COLOR: '1' },
    });
    expect(r.stdout, r.stderr).toMatch(/^READY\b/m);
    expect(r.code).toBe(0);
    const v = await run(path.join(prefix, 'bin/zapcheck'), ['--version'], {
      cwd: elsewhere,
      env: { PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin` },
    });
    expect(v.stdout).toBe(`${pkg.version}\n`);
  }, 600_000);
});

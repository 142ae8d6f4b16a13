// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers (STYLE.md): data flows cli -> site -> runner -> checks -> probes -> platform, and results flow
 * to the reporters. Each folder of src/ may import only the folders below it. Type-only imports are allowed
 * across layers (a check names the evidence type its probe returns; no code is loaded by them), except into
 * src/cli, which nothing imports at all.
 */
/** Every folder of src/ but cli. */
const NOT_CLI = [
  'core',
  'site',
  'checks',
  'probes',
  'platform',
  'report',
  'lab',
  'sites',
  'history',
  'profile',
  'i18n',
];
/**
 * Folder -> the top-level src/ folders it must not load code from (core is open to every layer).
 * @type {Record<string, string[] | undefined>}
 */
const FORBIDDEN = {
  core: ['site', 'checks', 'probes', 'platform', 'report', 'lab', 'sites', 'history'],
  checks: ['site', 'probes', 'platform', 'report', 'lab', 'sites', 'history'],
  // i18n: a probe reports catalogue keys beside its English message (src/probes/wifi-scan.ts).
  probes: ['site', 'checks', 'report', 'lab', 'sites', 'history', 'profile'],
  platform: ['site', 'checks', 'probes', 'report', 'lab', 'sites', 'history', 'profile', 'i18n'],
  report: ['site', 'checks', 'probes', 'platform', 'lab', 'history'],
};
/**
 * A relative specifier that climbs out of the file's folder into one of the top-level src/ folders `names`.
 * @param {string[]} names
 */
const into = (names) => `^(\\.\\./)+(${names.join('|')})(/|$)`;
/**
 * Node's I/O modules, in both spellings.
 * @param {string[]} names
 */
const io = (names) => names.flatMap((n) => [n, `node:${n}`]);
/**
 * Folder -> Node modules it must not use: checks never open a socket, read a file or run a command;
 * platform is exec.ts (the only child_process user, exempt below) and pure parsers.
 * @type {Record<string, string[] | undefined>}
 */
const NO_IO = {
  checks: io(['net', 'dgram', 'tls', 'http', 'https', 'fs', 'fs/promises', 'child_process']),
  platform: io(['net', 'dgram', 'tls', 'http', 'https', 'fs', 'fs/promises', 'child_process']),
};

/**
 * @param {string} folder
 * @param {boolean} [withIo] false for the one file a folder's I/O rule exempts
 */
const layerRule = (folder, withIo = true) => {
  const forbidden = FORBIDDEN[folder];
  const noIo = withIo ? NO_IO[folder] : undefined;
  return [
    'error',
    {
      ...(noIo
        ? {
            paths: noIo.map((name) => ({
              name,
              message: `src/${folder} does no I/O of its own (STYLE.md): sockets live in src/probes, commands in src/platform/exec.ts.`,
            })),
          }
        : {}),
      patterns: [
        {
          regex: into(['cli']),
          message:
            'Nothing outside src/cli imports it (STYLE.md): move what you need into core, site or report.',
        },
        ...(forbidden
          ? [
              {
                regex: into(forbidden),
                allowTypeImports: true,
                message: `src/${folder} may not load code from this layer (STYLE.md: cli -> site -> checks -> probes -> platform; report reads core). Type-only imports are fine.`,
              },
            ]
          : []),
      ],
    },
  ];
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bin/**', 'node_modules/**', 'coverage/**', 'bin/**', 'test/bench/**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...NOT_CLI.map((folder) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: { '@typescript-eslint/no-restricted-imports': layerRule(folder) },
  })),
  {
    files: ['src/platform/exec.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': layerRule('platform', false) },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);

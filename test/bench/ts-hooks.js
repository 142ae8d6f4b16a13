// Module hooks (node:module register) that let the plain-JS bench import the TypeScript test helpers
// (test/helpers/interop.ts: the interop suite's real servers) the way vitest does: a `.js` specifier
// from a `.ts` file resolves to the `.ts` file beside it, and `.ts` files are transpiled with the
// project's own TypeScript (types stripped, nothing checked). Only the bench uses this.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export async function resolve(specifier, context, next) {
  if (context.parentURL?.endsWith('.ts') && specifier.startsWith('.') && specifier.endsWith('.js')) {
    const asTs = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL);
    if (
      !existsSync(fileURLToPath(new URL(specifier, context.parentURL))) &&
      existsSync(fileURLToPath(asTs))
    ) {
      return { url: asTs.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = readFileSync(fileURLToPath(url), 'utf8');
  const out = ts.transpileModule(source, {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return { format: 'module', source: out.outputText, shortCircuit: true };
}

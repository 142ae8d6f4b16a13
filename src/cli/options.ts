import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { createTranslator, pickLang } from '../i18n/index.js';

/**
 * Option parsers shared by commands: each names the option, the bad value and what is allowed, in
 * plain words ("give a number greater than 0 and at most 600"). Options are parsed before --lang is
 * known, so the language comes from the environment (LC_ALL, LC_MESSAGES, LANG).
 */

const t = (): ReturnType<typeof createTranslator> => createTranslator(pickLang(undefined, process.env));

/** The most chargers `--chargers` takes, in `site`, `dhcp` and `report` alike (the sites file's limit too). */
export const CHARGERS_MAX = 10_000;

export function parsePositiveNumber(option: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new UsageError(t()('err.range', { option, value, max }));
    }
    return n;
  };
}

export function parseNonNegativeInt(option: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > max) {
      throw new UsageError(t()('err.range.int', { option, value, max }));
    }
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** The first option of `cmd` given an empty value (`--json ''`, `--ssid ''`), as its long flag; else null. */
export function emptyOption(cmd: Command): string | null {
  for (const option of cmd.options) {
    const value: unknown = cmd.getOptionValue(option.attributeName());
    if (value === '' || (Array.isArray(value) && value.some((v) => v === '')))
      return option.long ?? option.flags;
  }
  return null;
}

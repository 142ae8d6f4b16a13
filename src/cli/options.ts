import { UsageError } from '../core/errors.js';

/** Option parsers shared by commands: each names the option and the bad value. */

/** The most chargers `--chargers` takes, in `site`, `dhcp` and `report` alike (the sites file's limit too). */
export const CHARGERS_MAX = 10_000;

export function parsePositiveNumber(option: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(n) || n <= 0 || n > max) {
      throw new UsageError(`${option}: "${value}" is not a number between 0 and ${max}`);
    }
    return n;
  };
}

export function parseNonNegativeInt(option: string, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n > max) {
      throw new UsageError(`${option}: "${value}" is not a whole number from 0 to ${max}`);
    }
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

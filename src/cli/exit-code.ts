import { EXIT } from '../core/errors.js';
import { interruptedExitCode } from './signals.js';
import type { Report } from '../core/result.js';

/**
 * The exit code of a finished report, the same for `zapcheck site` and `zapcheck dhcp`: 130 interrupted (143 on SIGTERM);
 * 3 when zapcheck broke and nothing failed (a verdict it cannot stand behind); 1 not ready; 0 ready.
 */
export function exitCodeFor(report: Pick<Report, 'interrupted' | 'verdict' | 'checks'>): number {
  if (report.interrupted) return interruptedExitCode();
  if (report.checks.some((c) => c.status === 'error')) {
    // zapcheck itself broke somewhere: a not-ready verdict it cannot stand behind.
    return report.checks.some((c) => c.status === 'fail') ? EXIT.NOT_READY : EXIT.INTERNAL;
  }
  return report.verdict === 'ready' ? EXIT.READY : EXIT.NOT_READY;
}

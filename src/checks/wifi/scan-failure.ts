import type { Translate } from '../../i18n/index.js';
import type { WifiScanFailureCause } from '../../probes/types.js';

/** The probe's error message and hint in the caller's language (English text when no keys came). */
export function describeScanFailure(
  cause: Partial<WifiScanFailureCause> | undefined,
  fallback: { message: string; hint: string },
  t: Translate,
): { message: string; hint: string } {
  if (cause?.text)
    return {
      message: t(cause.text.message.key, cause.text.message.vars),
      hint: t(cause.text.hint.key, cause.text.hint.vars),
    };
  return { message: fallback.message, hint: cause?.hint ?? fallback.hint };
}

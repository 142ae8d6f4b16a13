import type { Translate } from '../../i18n/index.js';
import type { WifiScan } from '../../platform/wifi/types.js';
import type { WifiAdvice } from './advice.js';

/** The file a person should send in so the scan's language can be read. */
export interface UnreadScan {
  blocks: number;
  /** 'language': details zapcheck could not read; 'no-details': the tool printed none (driver). */
  why: 'language' | 'no-details';
  /** The saved scan (a --scan-file path), or the file name the save command below writes. */
  file: string;
  /** For a live scan: the command that saves it. */
  saveCommand?: string;
}

export function unreadScan(scan: WifiScan): UnreadScan | null {
  if (!scan.unread || scan.records.length > 0) return null;
  const { blocks, why } = scan.unread;
  if (scan.source.kind === 'file') return { blocks, why, file: scan.source.path };
  const file = 'wifi-scan.txt';
  if (scan.source.kind === 'command') {
    return { blocks, why, file, saveCommand: `${scan.source.command} > ${file}` };
  }
  return { blocks, why, file };
}

/**
 * A scan whose text has the tool's structure but no network zapcheck could read: the advice for an empty
 * scan keeps its verdict, but says what was not understood and which file to send in, not "no networks".
 */
export function adviseUnreadScan(advice: WifiAdvice, scan: WifiScan, t: Translate): WifiAdvice {
  const unread = unreadScan(scan);
  if (!unread) return advice;
  const tool = scan.tool.split(' ')[0] ?? scan.tool;
  if (unread.why === 'no-details') {
    return {
      ...advice,
      summary: t('wifi.nodetails', { tool, n: unread.blocks }),
      remediation: [{ audience: 'installer', text: t('wifi.nodetails.fix') }],
    };
  }
  return {
    ...advice,
    summary: t('wifi.unread', { tool, blocks: unread.blocks }),
    remediation: [
      {
        audience: 'installer',
        text:
          unread.saveCommand === undefined
            ? t('wifi.unread.fix.file', { file: unread.file })
            : t('wifi.unread.fix.save', { command: unread.saveCommand, file: unread.file }),
      },
    ],
  };
}

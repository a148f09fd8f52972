// Codes the engine and packer return, in words for the output channel and messages.
import { l10n } from './l10n';

/** Why packing left a file out (LeftOutReason and discovery problems); the code itself when unknown. */
export function leftOutLabel(reason: string): string {
  switch (reason) {
    case 'not-included':
      return l10n.t('not among the checked files (setting rro.files)');
    case 'not-json':
      return l10n.t('not a JSON file');
    case 'not-rro':
      return l10n.t('neither an appeal nor a no-appeals report');
    case 'has-errors':
      return l10n.t('has errors');
    case 'unsafe-name':
      return l10n.t('its name cannot go into an archive');
    case 'unreadable':
      return l10n.t('cannot be read');
    default:
      return reason;
  }
}

/** A file system error code in words (ENOENT → «no such file or folder»); the code when unknown. */
export function errnoLabel(code: string): string {
  switch (code) {
    case 'ENOENT':
      return l10n.t('no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('access denied');
    case 'ENOSPC':
      return l10n.t('the disk is full');
    case 'EBUSY':
      return l10n.t('the file is in use by another program');
    case 'EROFS':
      return l10n.t('the disk is read-only');
    default:
      return code;
  }
}

/**
 * Storage failures as one typed error with a message fit for the popup.
 * @module
 */

/** `limited`: a per-site or per-tab limit (lib/store/limits.ts) kept a version out; nothing was lost. */
export type StoreErrorKind = 'quota' | 'unavailable' | 'failed' | 'limited';

export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

const QUOTA_MESSAGE =
  'Storage is full: this version of the policy was not saved. Your saved history is intact; ' +
  'delete old documents on the history page to make room.';

function errorName(error: unknown): string {
  if (error && typeof error === 'object' && 'name' in error && typeof error.name === 'string')
    return error.name;
  return '';
}

/** True for the quota error in any of its spellings (DOMException name, legacy Firefox name, code 22). */
export function isQuotaError(error: unknown): boolean {
  const name = errorName(error);
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
  return !!error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 22;
}

/** Map anything thrown by IndexedDB to a StoreError with a user-facing message. */
export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  if (isQuotaError(error)) return new StoreError('quota', QUOTA_MESSAGE, error);
  const name = errorName(error);
  if (name === 'InvalidStateError' || name === 'UnknownError' || name === 'VersionError') {
    return new StoreError(
      'unavailable',
      'Policy history is unavailable right now; nothing was saved.',
      error,
    );
  }
  return new StoreError(
    'failed',
    'Saving this policy version failed; your saved history is unchanged.',
    error,
  );
}

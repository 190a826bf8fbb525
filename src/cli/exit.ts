/** Exit statuses (CONTRACT): 0 job done, 1 internal error, 2 bad usage or nothing readable. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** A problem the user can fix: printed as one line, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

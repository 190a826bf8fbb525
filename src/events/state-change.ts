/**
 * Lines that say a process or a member changed state, whatever their level: lifecycle words
 * (started, stopped, shutting down, restarted, exited, killed), explicit transitions ("state changed
 * to", "X -> Y", "transition"), and consensus roles (ZooKeeper's LOOKING/FOLLOWING/LEADING,
 * Raft's leader elections). They belong in the timeline even at INFO.
 */
const STATE_CHANGE = new RegExp(
  [
    '\\b(?:[Ss]tarted|[Ss]topped|[Ss]topping|[Ss]hutting down|[Ss]hutdown complete|[Rr]estart(?:ed|ing)|[Ee]xited|[Kk]illed|[Tt]erminated)\\b',
    '\\b(?:[Ss]tate (?:change|changed|transition)|changed state|[Tt]ransition(?:ed|ing)? (?:to|from))\\b',
    '\\b(?:LOOKING|FOLLOWING|LEADING|OBSERVING)\\b',
    '\\b(?:[Ee]lected (?:as )?leader|became leader|new leader|lost leadership|[Ll]eader election)\\b',
    '\\b(?:[Cc]onnected to|[Dd]isconnected from|[Rr]econnect(?:ed|ing))\\b',
  ].join('|'),
);

/** Only the head of a message is looked at: state words come early, and this runs on every line. */
const HEAD_CHARS = 160;

export function isStateChange(message: string): boolean {
  return STATE_CHANGE.test(message.length > HEAD_CHARS ? message.slice(0, HEAD_CHARS) : message);
}

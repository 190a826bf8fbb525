/**
 * Lines that say a process or a member changed state, whatever their level: lifecycle words
 * (started, stopped, shutting down, restarted, exited, killed), explicit transitions ("state changed
 * to", "X -> Y", "transition"), and consensus roles (ZooKeeper's LOOKING/FOLLOWING/LEADING,
 * Raft's leader elections). They belong in the timeline even at INFO.
 */
// one \b in front of a single alternation: irregexp then tries the alternatives only at word starts
const STATE_CHANGE = new RegExp(
  '\\b(?:' +
    [
      '[Ss]tarted|[Ss]topped|[Ss]topping|[Ss]hutting down|[Ss]hutdown complete|[Rr]estart(?:ed|ing)|[Ee]xited|[Kk]illed|[Tt]erminated',
      '[Ss]tate (?:change|changed|transition)|STATE CHANGE|changed state|[Tt]ransition(?:ed|ing)? (?:to|from)',
      'LOOKING|FOLLOWING|LEADING|OBSERVING',
      '[Ee]lected (?:as )?leader|became leader|new leader|lost leadership|[Ll]eader election',
      '[Cc]onnected to|[Dd]isconnected from|[Rr]econnect(?:ed|ing)',
    ].join('|') +
    ')\\b',
);

/**
 * Only the head of a message is looked at: state words come early, and this runs on every line.
 * (Once templates are mined for every line, this check can run once per template instead.)
 */
const HEAD_CHARS = 120;

export function isStateChange(message: string): boolean {
  return STATE_CHANGE.test(message.length > HEAD_CHARS ? message.slice(0, HEAD_CHARS) : message);
}

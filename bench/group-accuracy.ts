/**
 * Group Accuracy (Zhu et al., ICSE-SEIP 2019): the share of lines whose predicted group holds
 * exactly the lines of their true group.
 */
export function groupAccuracy(predicted: readonly (string | number)[], truth: readonly string[]): number {
  const byPred = new Map<string | number, number[]>();
  predicted.forEach((p, i) => {
    const g = byPred.get(p);
    if (g) g.push(i);
    else byPred.set(p, [i]);
  });
  const trueSize = new Map<string, number>();
  for (const t of truth) trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
  let correct = 0;
  for (const lines of byPred.values()) {
    const t = truth[lines[0]!]!;
    if (lines.every((i) => truth[i] === t) && trueSize.get(t) === lines.length) correct += lines.length;
  }
  return truth.length === 0 ? 1 : correct / truth.length;
}

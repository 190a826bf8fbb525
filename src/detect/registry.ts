import type { DetectorDef } from './define.js';
import { kernelOomKill } from './kernel/oom-kill.js';

/** Every detector, in the order `culprit detectors` lists them (grouped by the software they know). */
export const DETECTORS: readonly DetectorDef[] = [
  // linux-kernel
  kernelOomKill,
];

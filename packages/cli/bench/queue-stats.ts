// Contact-centre figures over the measured conversations (those that arrived after the warm-up):
// service level over all of them (an abandoned one was not answered in time), average speed of
// answer over the answered ones, and batch means for how far the service level can be trusted.

interface Tally {
  arrivals: number;
  answered: number;
  abandoned: number;
  /** Answered within each threshold, in the order of `thresholds`. */
  within: number[];
  waitSum: number;
}

export interface QueueFigures {
  arrivals: number;
  answered: number;
  abandoned: number;
  /** Share of all arrivals answered within t seconds, by t. */
  serviceLevel: Record<number, number>;
  averageSpeedOfAnswer: number;
  abandonRate: number;
}

export interface MeasuredFigures extends QueueFigures {
  /** Half-width of the 95% confidence interval of each service level, from batch means. */
  serviceLevelHalfWidth: Record<number, number>;
  byQueue: Record<string, QueueFigures>;
}

// Student's t, 97.5th percentile, 19 degrees of freedom: the bench always uses 20 batches.
const BATCHES = 20;
const T_975_19 = 2.093;

const newTally = (thresholds: readonly number[]): Tally => ({ arrivals: 0, answered: 0, abandoned: 0, within: thresholds.map(() => 0), waitSum: 0 });

function figures(tally: Tally, thresholds: readonly number[]): QueueFigures {
  return {
    arrivals: tally.arrivals,
    answered: tally.answered,
    abandoned: tally.abandoned,
    serviceLevel: Object.fromEntries(thresholds.map((t, i) => [t, tally.within[i]! / tally.arrivals])),
    averageSpeedOfAnswer: tally.answered ? tally.waitSum / tally.answered : 0,
    abandonRate: tally.abandoned / tally.arrivals,
  };
}

export function createQueueStats(thresholds: readonly number[], measured: number) {
  const total = newTally(thresholds);
  const batches = Array.from({ length: BATCHES }, () => newTally(thresholds));
  const byQueue = new Map<string, Tally>();
  const tallies = (position: number, queue: string) => {
    let perQueue = byQueue.get(queue);
    if (!perQueue) byQueue.set(queue, (perQueue = newTally(thresholds)));
    return [total, batches[Math.min(BATCHES - 1, Math.floor((position * BATCHES) / measured))]!, perQueue];
  };
  return {
    /** `position` counts from the first measured arrival (0). */
    answered(position: number, queue: string, waitSeconds: number) {
      for (const tally of tallies(position, queue)) {
        tally.arrivals++;
        tally.answered++;
        tally.waitSum += waitSeconds;
        thresholds.forEach((t, i) => {
          if (waitSeconds <= t) tally.within[i]!++;
        });
      }
    },
    abandoned(position: number, queue: string) {
      for (const tally of tallies(position, queue)) {
        tally.arrivals++;
        tally.abandoned++;
      }
    },
    summary(): MeasuredFigures {
      const halfWidth = (i: number) => {
        const levels = batches.map((b) => b.within[i]! / b.arrivals);
        const mean = levels.reduce((sum, v) => sum + v, 0) / levels.length;
        const variance = levels.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (levels.length - 1);
        return (T_975_19 * Math.sqrt(variance)) / Math.sqrt(levels.length);
      };
      return {
        ...figures(total, thresholds),
        serviceLevelHalfWidth: Object.fromEntries(thresholds.map((t, i) => [t, halfWidth(i)])),
        byQueue: Object.fromEntries([...byQueue.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([queue, tally]) => [queue, figures(tally, thresholds)])),
      };
    },
  };
}

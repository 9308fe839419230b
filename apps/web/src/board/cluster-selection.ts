import { useState } from 'react';

/**
 * The clusters the reform office has ticked on the board, while it is choosing the year's analyses: kept
 * across the board's pages and filters until acted on or cleared. Outside that, the board has no checkboxes.
 */
export interface ClusterSelection {
  readonly choosing: boolean;
  readonly selected: ReadonlySet<number>;
  start(): void;
  /** Stops choosing; what was ticked is let go. */
  finish(): void;
  choose(nos: readonly number[], chosen: boolean): void;
  clear(): void;
}

export function useClusterSelection(): ClusterSelection {
  const [choosing, setChoosing] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  return {
    choosing,
    selected,
    start: () => setChoosing(true),
    finish: () => {
      setSelected(new Set());
      setChoosing(false);
    },
    choose: (nos, chosen) =>
      setSelected((current) => {
        const next = new Set(current);
        for (const no of nos) {
          if (chosen) next.add(no);
          else next.delete(no);
        }
        return next;
      }),
    clear: () => setSelected(new Set()),
  };
}

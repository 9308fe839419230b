import { useState } from 'react';

/** The clusters the reform office has ticked on the board: kept across its pages and filters until acted on or cleared. */
export interface ClusterSelection {
  readonly selected: ReadonlySet<number>;
  choose(nos: readonly number[], chosen: boolean): void;
  clear(): void;
}

export function useClusterSelection(): ClusterSelection {
  const [selected, setSelected] = useState<ReadonlySet<number>>(() => new Set());
  return {
    selected,
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

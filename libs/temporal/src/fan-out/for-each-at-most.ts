/**
 * Runs `work` on every item, at most `limit` at once, starting the next as soon as one finishes; the
 * first failure ends it. For fanning calls out to many workflows without opening thousands of
 * requests to Temporal at once.
 */
export async function forEachAtMost<T>(limit: number, items: readonly T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/** Cluster numbers as a person types them: 「27, 31」「２７、３１」「27 31」. */
export function parseClusterNumbers(text: string): { readonly numbers: number[]; readonly unreadable: string[] } {
  const tokens = text.normalize('NFKC').split(/[\s,、]+/).filter(Boolean);
  const numbers: number[] = [];
  const unreadable: string[] = [];
  for (const token of tokens) {
    const bare = token.replace(/^no\.?/i, '');
    if (/^\d{1,5}$/.test(bare)) {
      if (!numbers.includes(Number(bare))) numbers.push(Number(bare));
    } else unreadable.push(token);
  }
  return { numbers, unreadable };
}

export const clusterNumbersText = (numbers: readonly number[]) => numbers.join(', ');

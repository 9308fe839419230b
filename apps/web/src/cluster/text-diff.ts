import { diffWords } from 'diff';

export interface DiffPart {
  readonly kind: 'same' | 'added' | 'removed';
  readonly text: string;
}

/** Japanese has no spaces between words: the browser's word segmenter finds them. */
const japaneseWords = new Intl.Segmenter('ja', { granularity: 'word' });

/** What changed from one version's text to another's, word by word. */
export function textDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: japaneseWords }).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

import { textDiff } from './text-diff';

describe('textDiff', () => {
  it('finds the changed Japanese words without spaces to split on', () => {
    const parts = textDiff('ごみ収集の委託範囲を比較した。', 'ごみ収集の委託範囲を他都市と比較した。');
    expect(parts.filter((part) => part.kind !== 'same')).toEqual([{ kind: 'added', text: '他都市と' }]);
    expect(parts.map((part) => (part.kind === 'removed' ? '' : part.text)).join('')).toBe('ごみ収集の委託範囲を他都市と比較した。');
  });

  it('marks removed text', () => {
    const parts = textDiff('経費を削減する。', '経費を見直す。');
    expect(parts.some((part) => part.kind === 'removed')).toBe(true);
    expect(parts.some((part) => part.kind === 'added')).toBe(true);
  });
});

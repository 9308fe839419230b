import { xPolicySettingsProblems } from './x-policy';

describe('xPolicySettingsProblems', () => {
  it('puts a blank question beside its item and an empty or duplicated list on the items', () => {
    expect(xPolicySettingsProblems({ items: [], deadlines: [] })).toEqual([{ field: 'items', problems: ['自己点検の項目がありません'] }]);
    const items = [
      { id: 'seal', question: '押印を求める手続はいくつありますか' },
      { id: 'Seal Free', question: '  ' },
      { id: 'seal', question: '電子申請の割合は' },
    ];
    expect(xPolicySettingsProblems({ items, deadlines: [] })).toEqual([
      { field: 'items.1.id', problems: ['自己点検の項目「Seal Free」の識別子は英小文字・数字・ハイフンにしてください'] },
      { field: 'items.1.question', problems: ['項目2の問いを入力してください'] },
      { field: 'items', problems: ['自己点検の項目「seal」が重複しています'] },
    ]);
  });
});

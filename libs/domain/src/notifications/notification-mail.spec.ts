import { notificationMailText } from './notification-mail';

describe('notificationMailText', () => {
  const footer = ['──', 'このメールは北九州市 市政変革ワークフローから自動で送信しています。返信はできません。', '同じお知らせはシステムの通知一覧でも確認できます。', ''];

  it('puts the link to the item after the body, then the footer', () => {
    expect(notificationMailText('次の対応をお願いします。', 'https://reform.example.jp/api/v1/fiscal-years/2024/clusters/27')).toBe(
      ['次の対応をお願いします。', '', '詳細: https://reform.example.jp/api/v1/fiscal-years/2024/clusters/27', '', ...footer].join('\n'),
    );
  });

  it('has no link line for a notification without a link', () => {
    expect(notificationMailText('本文', null)).toBe(['本文', '', ...footer].join('\n'));
  });
});

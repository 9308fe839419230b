/** The text of a notification's e-mail: its body, the link to the item, and a footer saying where it came from. */
export function notificationMailText(body: string, absoluteLink: string | null): string {
  return [
    body,
    ...(absoluteLink ? ['', `詳細: ${absoluteLink}`] : []),
    '',
    '──',
    'このメールは北九州市 市政変革ワークフローから自動で送信しています。返信はできません。',
    '同じお知らせはシステムの通知一覧でも確認できます。',
    '',
  ].join('\n');
}

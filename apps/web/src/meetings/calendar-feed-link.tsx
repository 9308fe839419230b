import { useState } from 'react';
import { ActionProblem } from '../actions/action-problem';
import { useAction } from '../actions/use-action';
import { answer, api } from '../api/api-client';
import { idempotencyHeader } from '../api/idempotency-key';
import { SECONDARY_BUTTON } from '../ui/button-styles';
import { textFieldClass } from '../ui/form-styles';
import { TEXT_LINK } from '../ui/link-styles';
import { TokyoDateTime } from '../ui/tokyo-date-time';

/** How a person takes the year's meetings and their own deadlines into a calendar: a file now, or a subscription. */
export function CalendarFeedLink({ fiscalYear }: { fiscalYear: number }) {
  const path = `/api/v1/fiscal-years/${fiscalYear}/calendar.ics`;
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const makeLink = useAction({
    act: (_: void, key) => answer(api.POST('/api/v1/auth/calendar-feed-link', { headers: idempotencyHeader(key) })),
    refreshes: [],
    onDone: ({ feedToken, expiresAt }) => setLink({ url: `${window.location.origin}${path}?feed=${encodeURIComponent(feedToken)}`, expiresAt }),
  });
  return (
    <section aria-labelledby="calendar-feed-heading" className="mt-6 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h2 id="calendar-feed-heading" className="text-std-20B-150 text-solid-gray-900">
        カレンダーに取り込む
      </h2>
      <p className="mt-2">
        X会議の日程と、あなた自身の提出・決裁の期限を iCalendar 形式（.ics）で取り込めます。上旬・中旬・下旬までしか決まっていない日程と、それに基づく期限は「仮」の予定になります。
      </p>
      <p className="mt-2">
        <a href={path} download={`x-meetings-${fiscalYear}.ics`} className={TEXT_LINK}>
          calendar.ics をダウンロード
        </a>
        <span className="text-solid-gray-700">（今の内容をファイルで。日程が変わったら取り込み直します）</span>
      </p>
      <p className="mt-4">
        Outlook などのカレンダーアプリで購読すると、日程や期限の変更が自動で反映されます。購読用のリンクはあなた専用です。ほかの人に渡さないでください（ログアウトすると無効になります）。
      </p>
      {link ? (
        <div className="mt-2">
          <label htmlFor="calendar-feed-url" className="block text-std-16B-170">
            購読用のリンク（カレンダーアプリの「URL で購読」に貼り付けます）
          </label>
          <input id="calendar-feed-url" readOnly value={link.url} className={textFieldClass()} onFocus={(event) => event.currentTarget.select()} />
          <p className="mt-1 text-solid-gray-700">
            有効期限：<TokyoDateTime instant={link.expiresAt} />
          </p>
        </div>
      ) : (
        <button type="button" className={`mt-2 ${SECONDARY_BUTTON}`} disabled={makeLink.pending} onClick={() => makeLink.run()}>
          購読用のリンクを作成
        </button>
      )}
      <ActionProblem problem={makeLink.problem} onRetry={makeLink.retry} />
    </section>
  );
}

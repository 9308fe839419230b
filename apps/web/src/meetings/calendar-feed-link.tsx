/** How a person takes the year's meetings and their own deadlines into a calendar. */
export function CalendarFeedLink({ fiscalYear }: { fiscalYear: number }) {
  const path = `/api/v1/fiscal-years/${fiscalYear}/calendar.ics`;
  return (
    <section aria-labelledby="calendar-feed-heading" className="mt-6 rounded-8 border border-solid-gray-420 p-4 text-std-16N-170">
      <h2 id="calendar-feed-heading" className="text-std-20B-150 text-solid-gray-900">
        カレンダーに取り込む
      </h2>
      <p className="mt-2">
        X会議の日程と、あなた自身の提出・決裁の期限を iCalendar 形式（.ics）で取り込めます。上旬・中旬・下旬までしか決まっていない日程と、それに基づく期限は「仮」の予定になります。
      </p>
      <p className="mt-2">
        <a href={path} download={`x-meetings-${fiscalYear}.ics`} className="text-blue-1000 underline underline-offset-4">
          calendar.ics をダウンロード
        </a>
      </p>
      <p className="mt-2 text-solid-gray-700">
        このリンクはログイン中のこのブラウザで開いてください（ファイルを Outlook などのカレンダーに読み込みます）。カレンダーアプリから URL（{window.location.origin}
        {path}）で直接購読するには、API のアクセストークンを Authorization: Bearer ヘッダーで送る必要があります。日程が変わったときは、もう一度ダウンロードしてください。
      </p>
    </section>
  );
}

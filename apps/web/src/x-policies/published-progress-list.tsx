import { TokyoDate } from '../ui/tokyo-date-time';

/** The progress of an issue as published: each update with the day it was published, oldest first. */
export function PublishedProgressList({ label, entries }: { label: string; entries: readonly { seq: number; publishedAt: string | null; text: string | null }[] }) {
  const published = entries.filter((entry) => entry.publishedAt !== null).sort((a, b) => a.seq - b.seq);
  if (published.length === 0) return <p className="mt-1">公表した進捗はまだありません。</p>;
  return (
    <ol className="mt-1 flex flex-col gap-2" aria-label={label}>
      {published.map((entry) => (
        <li key={entry.seq} className="rounded-8 bg-solid-gray-50 p-3">
          <p className="font-bold">
            第{entry.seq}報（公表：<TokyoDate instant={entry.publishedAt!} />）
          </p>
          <p className="mt-1 whitespace-pre-wrap break-words">{entry.text}</p>
        </li>
      ))}
    </ol>
  );
}

import { japaneseEraDateWithIso } from '@app/domain';

/** 「令和6年7月12日（2024-07-12）17:00」: the day as the city writes it, and the hour, which staff plan by. */
export function DueDate({ dueAt }: { dueAt: string | null }) {
  if (!dueAt) return <>未定</>;
  return (
    <time dateTime={dueAt}>
      {japaneseEraDateWithIso(dueAt)}
      {tokyoClockTime(dueAt)}
    </time>
  );
}

/** The API gives deadlines in Tokyo time (…T17:00:00.000+09:00); other offsets are shown by the day alone. */
const tokyoClockTime = (instant: string) => (instant.endsWith('+09:00') ? instant.slice(11, 16) : '');

import { japaneseEraDateWithIso } from '@app/domain';

/** 「令和6年7月12日（2024-07-12）17:00」: the day as the city writes it, and the hour, which staff plan by. */
export function TokyoDateTime({ instant, missing = '未定' }: { instant: string | null; missing?: string }) {
  if (!instant) return <>{missing}</>;
  return (
    <time dateTime={instant}>
      {japaneseEraDateWithIso(instant)}
      {tokyoClockTime(instant)}
    </time>
  );
}

/** 「令和6年8月1日（2024-08-01）」: the day alone, as a publication is dated for the public. */
export function TokyoDate({ instant }: { instant: string }) {
  return <time dateTime={instant}>{japaneseEraDateWithIso(instant)}</time>;
}

/** The API gives instants in Tokyo time (…T17:00:00.000+09:00); other offsets are shown by the day alone. */
const tokyoClockTime = (instant: string) => (instant.endsWith('+09:00') ? instant.slice(11, 16) : '');

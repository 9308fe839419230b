import { useParams } from 'react-router';

/** The `{fy}` of the address as a number, or undefined when it is not a year (the page then says so). */
export function useFiscalYearParam(): number | undefined {
  const { fy } = useParams();
  return fy && /^\d{4}$/.test(fy) ? Number(fy) : undefined;
}

import { fiscalYearToShow } from '../home/current-fiscal-year';
import { useFiscalYears } from '../home/home.queries';

/** The fiscal year whose board the header and ホーム link to: this year when registered, else the latest. */
export function useBoardYear(): number | undefined {
  const years = useFiscalYears();
  return years.data ? fiscalYearToShow(years.data.map((year) => year.fiscalYear), new Date()) : undefined;
}

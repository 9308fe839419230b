/** The app's own addresses, in one place, so links and routes agree. */
export const paths = {
  home: () => '/',
  board: (fiscalYear: number) => `/fiscal-years/${fiscalYear}`,
  cluster: (fiscalYear: number, no: number) => `/fiscal-years/${fiscalYear}/clusters/${no}`,
  meetings: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/meetings`,
  settings: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/settings`,
};

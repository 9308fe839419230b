/** The app's own addresses, in one place, so links and routes agree. */
export const paths = {
  home: () => '/',
  board: (fiscalYear: number) => `/fiscal-years/${fiscalYear}`,
  cluster: (fiscalYear: number, no: number) => `/fiscal-years/${fiscalYear}/clusters/${no}`,
  meetings: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/meetings`,
  settings: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/settings`,
  xPolicies: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/x-policies`,
  xPolicy: (fiscalYear: number, bureauCode: string) => `/fiscal-years/${fiscalYear}/x-policies/${encodeURIComponent(bureauCode)}`,
  platinum: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/platinum`,
  newProposal: (fiscalYear: number) => `/fiscal-years/${fiscalYear}/platinum/proposals/new`,
  proposal: (fiscalYear: number, id: number) => `/fiscal-years/${fiscalYear}/platinum/proposals/${id}`,
  /** Open to anyone, without logging in. */
  publicXPolicies: (fiscalYear: number) => `/public/fiscal-years/${fiscalYear}/x-policies`,
};

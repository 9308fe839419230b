import { paths } from './paths';

const X_POLICY_RESOURCE = /^\/api\/v1\/fiscal-years\/(\d{4})\/x-policies\/([A-Za-z0-9_-]{1,40})$/;
const PROPOSAL_RESOURCE = /^\/api\/v1\/fiscal-years\/(\d{4})\/platinum\/proposals\/(\d{1,10})$/;

/** The app's page of an X policy or a Platinum proposal a notification points to by its API address; null for anything else. */
export function noticePageOf(link: string | null): { readonly path: string; readonly label: string } | null {
  if (!link) return null;
  const xPolicy = X_POLICY_RESOURCE.exec(link);
  if (xPolicy) return { path: paths.xPolicy(Number(xPolicy[1]), xPolicy[2]), label: 'X方針のページを開く' };
  const proposal = PROPOSAL_RESOURCE.exec(link);
  if (proposal) return { path: paths.proposal(Number(proposal[1]), Number(proposal[2])), label: '提案のページを開く' };
  return null;
}

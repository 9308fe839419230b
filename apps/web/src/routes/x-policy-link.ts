import { paths } from './paths';

const X_POLICY_RESOURCE = /^\/api\/v1\/fiscal-years\/(\d{4})\/x-policies\/([A-Za-z0-9_-]{1,40})$/;

/** The app's page of an X policy a notification points to by its API address; null for anything else. */
export function xPolicyPageOf(link: string | null): string | null {
  const match = link ? X_POLICY_RESOURCE.exec(link) : null;
  return match ? paths.xPolicy(Number(match[1]), match[2]) : null;
}

import { randomUUID } from 'node:crypto';
import type { TimedResponse } from '../tools/http/api-client';
import { BenchContext, clusterPath } from './context';
import { APPROVAL_STEPS, ApprovalStep, bureauUser, BureauCode } from './organisation';

/** A report action as the bench sends it, and how the results group its latencies. */
export type ReportActionKind = 'save' | 'submit' | 'approve';

export interface ReportAddress {
  readonly fiscalYear: number;
  readonly no: number;
  readonly kind: string;
  readonly bureau: BureauCode;
}

/** About two thousand characters, the length of a report's page of findings. */
export const REPORT_BODY = '他都市との比較により、事業の委託範囲と費用負担の見直しを提案する。利用者数の推移と単位費用を踏まえ、'.repeat(40);

/**
 * As the web app sends them: the bearer token, a fresh Idempotency-Key for each intent, and on a
 * save the version the edit started from as If-Match. Answers as given (no status expected), so the
 * caller decides what counts as a failure.
 */
export const reportActions = (context: BenchContext) => ({
  save(report: ReportAddress, basedOnVersion: number, title: string): Promise<TimedResponse> {
    return context.api.call('PUT', `${clusterPath(report.no, report.fiscalYear)}/reports/${report.kind}`, {
      token: context.user(bureauUser(report.bureau, 'staff')).token,
      body: { title, body: REPORT_BODY },
      headers: { 'Idempotency-Key': randomUUID(), 'If-Match': `"${basedOnVersion}"` },
    });
  },
  submit(report: ReportAddress): Promise<TimedResponse> {
    return context.api.call('POST', `${clusterPath(report.no, report.fiscalYear)}/reports/${report.kind}/submit`, {
      token: context.user(bureauUser(report.bureau, 'staff')).token,
      headers: { 'Idempotency-Key': randomUUID() },
    });
  },
  approve(report: ReportAddress, step: ApprovalStep): Promise<TimedResponse> {
    return context.api.call('POST', `${clusterPath(report.no, report.fiscalYear)}/reports/${report.kind}/approve`, {
      token: context.user(step.approver(report.bureau)).token,
      body: {},
      headers: { 'Idempotency-Key': randomUUID() },
    });
  },
});

/**
 * One report from draft to approved: `saves` drafts, then 提出 and every step of the chain. Throws
 * at the first answer that is not 200, naming it.
 */
export async function approveReport(context: BenchContext, report: ReportAddress, saves: number): Promise<void> {
  const actions = reportActions(context);
  const ok = (what: string, response: TimedResponse) => {
    if (response.status !== 200) {
      throw new Error(`${what} of the ${report.kind} report of cluster ${report.no} (FY${report.fiscalYear}) answered ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
  };
  for (let version = 0; version < saves; version += 1) ok(`save ${version + 1}`, await actions.save(report, version, `報告 No.${report.no} 第${version + 1}版`));
  ok('submit', await actions.submit(report));
  for (const step of APPROVAL_STEPS) ok(`approval (${step.label})`, await actions.approve(report, step));
}

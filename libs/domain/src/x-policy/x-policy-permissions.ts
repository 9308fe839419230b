import { Participant } from '../approval/approval-document';
import { ApprovalStatus } from '../approval/approval-document';
import { decideXPolicy, XPolicyCommand } from './x-policy-commands';
import { PlanMeasure, XPolicyState } from './x-policy';

/** What the caller may do to a bureau's X policy now, for showing only the buttons that can work. */
export interface XPolicyPermissions {
  readonly saveSelfInspection: boolean;
  readonly saveIssues: boolean;
  readonly submit: boolean;
  readonly recall: boolean;
  readonly approve: boolean;
  readonly return: boolean;
  /** Issues the caller may post progress on. */
  readonly postProgress: readonly string[];
  /** Issues whose progress update the caller may approve or return. */
  readonly decideProgress: readonly string[];
}

const PROBE_TIME = '1970-01-01T00:00:00.000Z';
const SOME_TEXT = { hash: '', length: 1, empty: false };

/** Each answer is the X-policy rules themselves asked about the command the button would send; the server still decides each request. */
export function xPolicyPermissions(state: XPolicyState | null, caller: Participant): XPolicyPermissions {
  const may = (command: XPolicyCommand) => state !== null && decideXPolicy(state, command, PROBE_TIME).accepted;
  const content: PlanMeasure = state?.plan.content ?? { hash: '', length: 0, answeredItemIds: [], issues: [] };
  const issueIds = state?.publication?.issueIds ?? [];
  return {
    saveSelfInspection: may({ type: 'save-plan', actor: caller, part: 'self-inspection', content, basedOnVersion: null }),
    saveIssues: may({ type: 'save-plan', actor: caller, part: 'issues', content, basedOnVersion: null }),
    submit: may({ type: 'submit', actor: caller }),
    recall: may({ type: 'recall', actor: caller }),
    approve: may({ type: 'approve', actor: caller, comment: null }),
    return: may({ type: 'return', actor: caller, comment: '…' }),
    postProgress: issueIds.filter((issueId) => may({ type: 'post-progress', actor: caller, issueId, text: SOME_TEXT })),
    decideProgress: issueIds.filter(
      (issueId) => state?.progress.some((document) => document.issueId === issueId && document.status === ApprovalStatus.InApproval) && may({ type: 'approve-progress', actor: caller, issueId, comment: null }),
    ),
  };
}

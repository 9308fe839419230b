import { currentStepOf, eligibleDecisionDelegates, Participant, refusalClassOf, RefusedError, Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';
import { withCurrent } from '../common/refusal-of';
import { DelegateCandidateView } from '../lifecycle/dto/cluster-detail.dto';
import { PlatinumProposalsService, proposalCurrentOf } from './platinum-proposals.service';

/** A bureau has a handful of holders of one role; this bounds the read, not the answer. */
const MAX_CANDIDATES = 1000;

/** 代理 of an owning bureau's decision: the active users the caller could hand its current step to, as the proposal's rules judge them. */
@Injectable()
export class ProposalDelegatesService {
  constructor(
    private readonly proposals: PlatinumProposalsService,
    private readonly users: UserRepository,
  ) {}

  async decisionDelegates(fiscalYear: number, id: number, caller: Participant): Promise<DelegateCandidateView[]> {
    const row = await this.proposals.require(fiscalYear, id);
    const step = currentStepOf(row.state.decision);
    const holders = step?.role
      ? (await this.users.list({ role: step.role, bureau: step.bureauCode ?? undefined, active: true }, { page: 1, pageSize: MAX_CANDIDATES })).items
      : [];
    const answer = eligibleDecisionDelegates(
      row.state,
      caller,
      holders.map((user) => ({ id: user.id, name: user.displayName, roles: user.roles as Role[], bureauCode: user.bureau?.code ?? null, username: user.username })),
    );
    if ('refusal' in answer) throw refusalClassOf(answer.refusal) === 'conflict' ? withCurrent(answer.refusal, proposalCurrentOf(row)) : new RefusedError(answer.refusal);
    return answer.eligible.map((user) => ({ username: user.username, displayName: user.name }));
  }
}

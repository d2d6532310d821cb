// The timeline of a chain as the renderer draws it: every step with its seats, state,
// tally, ballots (voided ones struck through, with why), opinions and deadline. It only
// reads the state; names of people come from the directory on the renderer's side.

import { approvalsNeeded, countingBallots, effectiveMode } from './engine';
import type { ApprovalDefinition, ApprovalState, DecisionRecord, Day, Timeline, TimelineDecision, TimelineStep } from './types';

function view(d: DecisionRecord): TimelineDecision {
  return { ...d, delegated: d.actorId !== d.principalId };
}

/** The view model of the chain's timeline; pass `today` to mark an overdue open step. */
export function timeline(definition: ApprovalDefinition, state: ApprovalState, today?: Day): Timeline {
  const steps = definition.steps.map((step): TimelineStep => {
    const stepState = state.steps.find((s) => s.stepId === step.id) ?? { stepId: step.id, status: 'waiting' as const, seats: [] };
    const ballots = countingBallots(state, step.id);
    const mode = effectiveMode(step, stepState);
    const byPrincipal = new Map(ballots.map((b) => [b.principalId, view(b)]));
    const active = state.status === 'running' && stepState.status === 'active';
    const turnIndex = mode.mode === 'sequential' && active ? stepState.seats.findIndex((s) => !byPrincipal.has(s.userId)) : -1;
    const approvals = ballots.filter((b) => b.kind === 'approve').length;
    return {
      stepId: step.id,
      name: step.name,
      how: step.how,
      status: stepState.status,
      skipped: stepState.skipped ?? null,
      escalation: stepState.escalation ?? null,
      seats: stepState.seats.map((seat, i) => ({ ...seat, ballot: byPrincipal.get(seat.userId) ?? null, turn: i === turnIndex })),
      tally: {
        approvals,
        rejections: ballots.length - approvals,
        pending: stepState.seats.filter((s) => !byPrincipal.has(s.userId)).length,
        needed: approvalsNeeded(mode, stepState.seats.length),
      },
      decisions: state.decisions.filter((d) => d.stepId === step.id).map(view),
      opinionRequired: step.opinionRequired,
      distinctPerson: step.distinctPerson,
      deadline: stepState.deadline ?? null,
      overdue: active && today !== undefined && stepState.deadline !== undefined && today > stepState.deadline.day,
      openedAt: stepState.openedAt ?? null,
      closedAt: stepState.closedAt ?? null,
    };
  });
  return {
    definitionId: state.definitionId,
    definitionVersion: state.definitionVersion,
    name: definition.name,
    status: state.status,
    authorId: state.authorId,
    contentHash: state.contentHash,
    currentStepId: state.currentStepId,
    steps,
    submissions: state.submissions,
    filedWith: state.filedWith ?? null,
  };
}

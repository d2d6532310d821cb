import type { Transaction } from 'kysely';
import type { ApprovalDefinition, ApprovalKind, ApprovalState } from '../../../shared/domain/approvals';
import type { DB } from '../../archive/schema';
import type { IdSource } from '../../host/types';

// What a form domain (creditLimits, later evaluations, checkouts …) tells the approvals
// service about its forms. The approvals service never imports a form domain: each one
// registers here, and the composition of the services (services/index.ts) wires them.

export interface ApprovedChain {
  id: string;
  definition: ApprovalDefinition;
  state: ApprovalState;
}

export interface ApprovalForm {
  kind: ApprovalKind;
  /** Runs in the transaction of the final approval: the form takes effect. */
  onApproved(db: Transaction<DB>, chain: ApprovedChain, now: Date, ids: IdSource): Promise<void>;
  /** Runs in the transaction where the chain is rejected, returned to its author or withdrawn (optional). */
  onStopped?(db: Transaction<DB>, chain: ApprovedChain, outcome: 'rejected' | 'returned' | 'withdrawn', now: Date, ids: IdSource): Promise<void>;
}

const forms = new Map<ApprovalKind, ApprovalForm>();

/** Register a form domain; a kind registered twice is a programming error. */
export function registerApprovalForm(form: ApprovalForm): void {
  const existing = forms.get(form.kind);
  if (existing && existing !== form) throw new Error(`approval form registered twice: ${form.kind}`);
  forms.set(form.kind, form);
}

export function approvalFormFor(kind: ApprovalKind): ApprovalForm | undefined {
  return forms.get(kind);
}

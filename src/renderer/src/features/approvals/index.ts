import { IconChecklist, IconGitBranch } from '@tabler/icons-react';
import type { Feature } from '../../app/contributions';
import { ApprovalsPage, InboxBadge } from './ApprovalsPage';
import { ChainPage } from './ChainPage';
import { ChainTimelineById } from './ChainTimeline';
import { DefinitionsPage } from './DefinitionsPage';
import { DelegationSection } from './DelegationSection';

export { ChainTimeline } from './ChainTimeline';

/** Approval chains (审批流): the inbox, my requests, what I decided, each chain's page, the chain definitions, delegation. */
export const approvalsFeature: Feature = {
  id: 'approvals',
  pages: [
    {
      id: 'approvals',
      path: '/approvals',
      icon: IconChecklist,
      label: (t) => t('nav.approvals'),
      needs: ['approvals.inbox', 'approvals.mine', 'approvals.done', 'approvals.inboxCount'],
      component: ApprovalsPage,
      order: 15,
      badge: InboxBadge,
      children: [{ path: '/approvals/chains/:id', component: ChainPage }],
    },
    {
      id: 'approval-definitions',
      path: '/approval-definitions',
      icon: IconGitBranch,
      label: (t) => t('nav.approvalDefinitions'),
      needs: ['approvals.definitions.list', 'approvals.definitions.save', 'approvals.departmentHeads.set'],
      component: DefinitionsPage,
      order: 55,
    },
  ],
  homeCards: [
    { id: 'approvals', icon: IconChecklist, title: (t) => t('nav.approvals'), description: (t) => t('home.pages.approvals'), path: '/approvals', needs: ['approvals.inbox'], order: 15 },
  ],
  accountSections: [{ id: 'delegation', order: 10, component: DelegationSection, needs: ['approvals.delegations.mine', 'approvals.delegations.create'] }],
  provides: { approvalTimeline: ChainTimelineById },
};

import { describe, expect, it } from 'vitest';
import { collect, type Feature } from '../../src/renderer/src/app/contributions';
import { CONTRIBUTIONS, FEATURES } from '../../src/renderer/src/app/shell/features';

const Nothing = () => null;

describe('features contribute, the shell collects', () => {
  it('the customer file shows the tabs of every feature, in their order', () => {
    expect(CONTRIBUTIONS.customerFileTabs.map((tab) => tab.id)).toEqual([
      'basics',
      'warnings',
      'credit-limits',
      'evaluations',
      'contacts',
      'qualifications',
      'contracts',
      'loans',
      'trade',
      'dunning',
      'events',
      'feedback',
      'reports',
      'documents',
      'figures',
    ]);
    const documents = FEATURES.find((feature) => feature.id === 'documents');
    expect(documents?.customerFileTabs?.map((tab) => tab.id)).toEqual(['documents']);
  });

  it('the navigation and the home page list the pages in their order', () => {
    // A page reached only from others (an evaluation's own page) is not in the navigation.
    expect(CONTRIBUTIONS.pages.filter((page) => page.hidden).map((page) => page.path)).toEqual(['/evaluations/:id']);
    expect(CONTRIBUTIONS.pages.filter((page) => !page.hidden).map((page) => page.path)).toEqual([
      '/',
      '/customers',
      '/warnings',
      '/approvals',
      '/reviews-due',
      '/dunning',
      '/checkouts',
      '/imports',
      '/users',
      '/roles',
      '/audit',
      '/approval-definitions',
      '/scoring-models',
      '/calendar',
      '/settings',
      '/account',
    ]);
    expect(CONTRIBUTIONS.homeCards.map((card) => card.id)).toEqual(['customers', 'warnings', 'approvals', 'dunning', 'reviews-due', 'checkouts', 'imports', 'users', 'roles', 'audit', 'scoring-models', 'settings']);
    expect([...CONTRIBUTIONS.auditTargets.keys()].sort()).toEqual(['customer', 'department', 'document', 'import', 'role', 'user', 'warning']);
  });

  it('the approval screens plug into the customer file, the account page and each form kind', () => {
    expect(CONTRIBUTIONS.customerFileActions.map((action) => action.id)).toEqual(['warning-badges', 'credit-limit-request']);
    expect(CONTRIBUTIONS.accountSections.map((section) => section.id)).toEqual(['delegation']);
    expect([...CONTRIBUTIONS.approvalForms.keys()]).toEqual(['credit_limit_change', 'dunning_suspension', 'checkout', 'periodic_review', 'new_customer_review']);
    expect(CONTRIBUTIONS.components.approvalTimeline).toBeTypeOf('function');
    expect(CONTRIBUTIONS.pages.find((page) => page.id === 'approvals')?.badge).toBeTypeOf('function');
  });

  it('a form kind or a shared component contributed twice is refused', () => {
    const form: Feature = { id: 'form', approvalForms: [{ kind: 'credit_limit_change', component: Nothing }] };
    expect(() => collect([...FEATURES, form])).toThrow(/approval form "credit_limit_change"/);
    const timeline: Feature = { id: 'timeline', provides: { approvalTimeline: Nothing } };
    expect(() => collect([...FEATURES, timeline])).toThrow(/shared component "approvalTimeline"/);
  });

  it('a new feature adds a tab without the others knowing it', () => {
    const extra: Feature = { id: 'extra', customerFileTabs: [{ id: 'extra', label: () => 'extra', order: 95, component: Nothing }] };
    const ids = collect([...FEATURES, extra]).customerFileTabs.map((tab) => tab.id);
    expect(ids.slice(-3)).toEqual(['documents', 'extra', 'figures']);
  });

  it('the same page path or tab contributed twice is refused', () => {
    const twice: Feature = { id: 'twice', customerFileTabs: [{ id: 'documents', label: () => 'again', order: 1, component: Nothing }] };
    expect(() => collect([...FEATURES, twice])).toThrow(/customer file tab "documents"/);
    const path: Feature = { id: 'path', pages: [{ id: 'other', path: '/customers/:id', icon: (() => null) as never, label: () => '', needs: [], component: Nothing, order: 1 }] };
    expect(() => collect([...FEATURES, path])).toThrow(/page path "\/customers\/:id"/);
  });
});

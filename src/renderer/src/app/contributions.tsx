import type { Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { createContext, useContext, type ComponentType } from 'react';
import type { CurrentUser, CustomerFile, MethodName } from '../../../shared/contract';
import type { ChainDetail } from '../../../shared/contract/approvals';
import type { ApprovalKind } from '../../../shared/domain/approvals';
import { allowsAll } from '../api/permissions';

// What a feature adds to the application. Each `features/<domain>/index.ts` exports one
// `Feature`; the shell collects the list (app/shell/features.ts) and builds the routes,
// the navigation, the customer file's tabs, the home page's cards and the audit log's
// reading of targets from it. A feature never imports the shell or another feature: what
// it needs of the others it reads here, from the contributions the shell provides.

/** A text in the interface language, looked up when shown. */
export type Text = (t: TFunction) => string;

export interface PageContribution {
  /** Stable name of the page (the navigation item's `data-page`). */
  id: string;
  path: string;
  icon: Icon;
  label: Text;
  /** The methods the page cannot work without: it is offered only if all are permitted. */
  needs: readonly MethodName[];
  component: ComponentType;
  /** Place in the navigation: lower first. */
  order: number;
  /** Pages below this one (a customer's file below the list), reached from it, not from the navigation. */
  children?: readonly { path: string; component: ComponentType }[];
  /** Shown beside the navigation item (a count of what waits …); renders nothing when there is nothing to say. */
  badge?: ComponentType;
  /** Reached only from other pages (a form's own page), never from the navigation. */
  hidden?: boolean;
}

export interface CustomerFileTabContribution {
  id: string;
  label: Text;
  /** Place among the tabs: lower first. */
  order: number;
  /** `purpose` is the reading's 用途, for a tab that reads more credit information with it. */
  component: ComponentType<{ file: CustomerFile; purpose: string }>;
  /** How many entries the tab holds, shown beside its label (nothing for 0). */
  count?: (file: CustomerFile) => number;
  /** The methods the tab needs beyond reading the file. */
  needs?: readonly MethodName[];
}

export interface HomeCardContribution {
  id: string;
  icon: Icon;
  title: Text;
  description: Text;
  /** Where "open" leads. */
  path: string;
  needs: readonly MethodName[];
  order: number;
  /** A line under the description with what waits (a count …); renders nothing when there is nothing to say. */
  summary?: ComponentType;
}

export interface AuditTargetContribution {
  /** The prefix of an audit entry's target (`customer` of `customer:<id>`). */
  kind: string;
  /** What such a target is called (客户, 档案材料 …). */
  label: Text;
}

/** A button (or a few) in the customer file's header: start a form about this customer. */
export interface CustomerFileActionContribution {
  id: string;
  order: number;
  component: ComponentType<{ file: CustomerFile }>;
  needs?: readonly MethodName[];
}

/** A section of 我的账户 (the user's own account page). */
export interface AccountSectionContribution {
  id: string;
  order: number;
  component: ComponentType;
  needs?: readonly MethodName[];
}

/**
 * How a kind of approval form shows its content on the chain's page (and, for its author,
 * how it is edited and resubmitted when returned). The approvals feature knows no form.
 */
export interface ApprovalFormContribution {
  kind: ApprovalKind;
  component: ComponentType<{ detail: ChainDetail }>;
}

/** Components a feature offers to the others (a feature never imports another's files). */
export interface SharedComponents {
  /** The timeline of an approval chain, for a form's own page. */
  approvalTimeline?: ComponentType<{ chainId: string }>;
  /** A refused reading of a customer file, said with what to do next (borrowing: ask for it). */
  readRefusal?: ComponentType<{ customerId: string; error: unknown; onRetry: () => void }>;
}

export interface Feature {
  id: string;
  pages?: readonly PageContribution[];
  customerFileTabs?: readonly CustomerFileTabContribution[];
  customerFileActions?: readonly CustomerFileActionContribution[];
  accountSections?: readonly AccountSectionContribution[];
  approvalForms?: readonly ApprovalFormContribution[];
  homeCards?: readonly HomeCardContribution[];
  auditTargets?: readonly AuditTargetContribution[];
  provides?: SharedComponents;
}

/** Everything the features contribute, each list in its order. */
export interface Contributions {
  pages: readonly PageContribution[];
  customerFileTabs: readonly CustomerFileTabContribution[];
  customerFileActions: readonly CustomerFileActionContribution[];
  accountSections: readonly AccountSectionContribution[];
  approvalForms: ReadonlyMap<ApprovalKind, ApprovalFormContribution>;
  homeCards: readonly HomeCardContribution[];
  auditTargets: ReadonlyMap<string, AuditTargetContribution>;
  components: SharedComponents;
}

const byOrder = <T extends { order: number }>(items: T[]): T[] => items.sort((a, b) => a.order - b.order);

/** Collects the features' contributions; a page path, tab or target kind added twice is a mistake. */
export function collect(features: readonly Feature[]): Contributions {
  const pages = byOrder(features.flatMap((feature) => feature.pages ?? []));
  const customerFileTabs = byOrder(features.flatMap((feature) => feature.customerFileTabs ?? []));
  const homeCards = byOrder(features.flatMap((feature) => feature.homeCards ?? []));
  const customerFileActions = byOrder(features.flatMap((feature) => feature.customerFileActions ?? []));
  const accountSections = byOrder(features.flatMap((feature) => feature.accountSections ?? []));
  const approvalForms = features.flatMap((feature) => feature.approvalForms ?? []);
  const targets = features.flatMap((feature) => feature.auditTargets ?? []);
  const provided = features.flatMap((feature) => Object.keys(feature.provides ?? {}));
  assertUnique('page path', [...pages.map((page) => page.path), ...pages.flatMap((page) => (page.children ?? []).map((child) => child.path))]);
  assertUnique('page', pages.map((page) => page.id));
  assertUnique('customer file tab', customerFileTabs.map((tab) => tab.id));
  assertUnique('home card', homeCards.map((card) => card.id));
  assertUnique('audit target kind', targets.map((target) => target.kind));
  assertUnique('customer file action', customerFileActions.map((action) => action.id));
  assertUnique('account section', accountSections.map((section) => section.id));
  assertUnique('approval form', approvalForms.map((form) => form.kind));
  assertUnique('shared component', provided);
  return {
    pages,
    customerFileTabs,
    customerFileActions,
    accountSections,
    approvalForms: new Map(approvalForms.map((form) => [form.kind, form])),
    homeCards,
    auditTargets: new Map(targets.map((target) => [target.kind, target])),
    components: Object.assign({}, ...features.map((feature) => feature.provides ?? {})) as SharedComponents,
  };
}

function assertUnique(what: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`The ${what} "${name}" is contributed twice`);
    seen.add(name);
  }
}

const EMPTY: Contributions = collect([]);

const ContributionsContext = createContext<Contributions>(EMPTY);

export const ContributionsProvider = ContributionsContext.Provider;

export function useContributions(): Contributions {
  return useContext(ContributionsContext);
}

/** What of a list of contributions the user's permissions allow. */
export function permitted<T extends { needs?: readonly MethodName[] }>(user: CurrentUser, items: readonly T[]): T[] {
  return items.filter((item) => allowsAll(user, item.needs ?? []));
}

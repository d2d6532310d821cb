import type { Icon } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { createContext, useContext, type ComponentType } from 'react';
import type { CurrentUser, CustomerFile, MethodName } from '../../../shared/contract';
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
}

export interface CustomerFileTabContribution {
  id: string;
  label: Text;
  /** Place among the tabs: lower first. */
  order: number;
  component: ComponentType<{ file: CustomerFile }>;
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
}

export interface AuditTargetContribution {
  /** The prefix of an audit entry's target (`customer` of `customer:<id>`). */
  kind: string;
  /** What such a target is called (客户, 档案材料 …). */
  label: Text;
}

export interface Feature {
  id: string;
  pages?: readonly PageContribution[];
  customerFileTabs?: readonly CustomerFileTabContribution[];
  homeCards?: readonly HomeCardContribution[];
  auditTargets?: readonly AuditTargetContribution[];
}

/** Everything the features contribute, each list in its order. */
export interface Contributions {
  pages: readonly PageContribution[];
  customerFileTabs: readonly CustomerFileTabContribution[];
  homeCards: readonly HomeCardContribution[];
  auditTargets: ReadonlyMap<string, AuditTargetContribution>;
}

const byOrder = <T extends { order: number }>(items: T[]): T[] => items.sort((a, b) => a.order - b.order);

/** Collects the features' contributions; a page path, tab or target kind added twice is a mistake. */
export function collect(features: readonly Feature[]): Contributions {
  const pages = byOrder(features.flatMap((feature) => feature.pages ?? []));
  const customerFileTabs = byOrder(features.flatMap((feature) => feature.customerFileTabs ?? []));
  const homeCards = byOrder(features.flatMap((feature) => feature.homeCards ?? []));
  const targets = features.flatMap((feature) => feature.auditTargets ?? []);
  assertUnique('page path', [...pages.map((page) => page.path), ...pages.flatMap((page) => (page.children ?? []).map((child) => child.path))]);
  assertUnique('page', pages.map((page) => page.id));
  assertUnique('customer file tab', customerFileTabs.map((tab) => tab.id));
  assertUnique('home card', homeCards.map((card) => card.id));
  assertUnique('audit target kind', targets.map((target) => target.kind));
  return { pages, customerFileTabs, homeCards, auditTargets: new Map(targets.map((target) => [target.kind, target])) };
}

function assertUnique(what: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`The ${what} "${name}" is contributed twice`);
    seen.add(name);
  }
}

const EMPTY: Contributions = { pages: [], customerFileTabs: [], homeCards: [], auditTargets: new Map() };

const ContributionsContext = createContext<Contributions>(EMPTY);

export const ContributionsProvider = ContributionsContext.Provider;

export function useContributions(): Contributions {
  return useContext(ContributionsContext);
}

/** What of a list of contributions the user's permissions allow. */
export function permitted<T extends { needs?: readonly MethodName[] }>(user: CurrentUser, items: readonly T[]): T[] {
  return items.filter((item) => allowsAll(user, item.needs ?? []));
}

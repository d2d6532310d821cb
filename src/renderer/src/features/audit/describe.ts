import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract';
import { detailsInWords, purposeInWords, registerRow, targetInWords, userInWords, type NameOf, type RegisterRow } from '../../../../shared/messages/auditWords';
import { useContributions } from '../../app/contributions';
import { currentLanguage } from '../../app/i18n';

// An audit entry in the reader's words: the same function as the export's
// (shared/messages/auditWords), with the names this window knows besides those the
// host gave (the users, roles and departments lists where the reader may see them).
// Anything unknown is shown as written: nothing is hidden.

export interface NameBook {
  /** Names the host gave with the entries (audit.list `names`). */
  host: Readonly<Record<string, string>>;
  users: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, string>;
  departments: ReadonlyMap<string, string>;
}

export interface AuditDescriber {
  nameOf: NameOf;
  user(entry: AuditEntry): string;
  target(entry: AuditEntry): string | null;
  purpose(entry: AuditEntry): string | null;
  details(entry: AuditEntry): string | null;
  row(entry: AuditEntry): RegisterRow;
}

export function useAuditDescriber(book: NameBook): AuditDescriber {
  const { t, i18n } = useTranslation();
  // What each kind of target is called comes from the feature that owns it.
  const { auditTargets } = useContributions();
  const language = i18n.resolvedLanguage ? currentLanguage() : 'zh-CN';
  return useMemo<AuditDescriber>(() => {
    // The host names built-in roles and departments in the language asked; the lists this
    // window read (where the reader may) name them the same way.
    const nameOf: NameOf = (id) => book.roles.get(id) ?? book.departments.get(id) ?? book.host[id] ?? book.users.get(id);
    const kindLabel = (kind: string) => auditTargets.get(kind)?.label(t);
    const withName = (entry: AuditEntry): AuditEntry => {
      if (!entry.target || !entry.targetName) return entry;
      const kind = entry.target.slice(0, entry.target.indexOf(':'));
      const id = entry.target.slice(entry.target.indexOf(':') + 1);
      const local = kind === 'role' || kind === 'department' ? (book.roles.get(id) ?? book.departments.get(id)) : undefined;
      return local ? { ...entry, targetName: local } : entry;
    };
    return {
      nameOf,
      user: (entry) => userInWords(language, entry),
      target: (entry) => targetInWords(language, withName(entry), nameOf, kindLabel),
      purpose: (entry) => purposeInWords(language, entry.purpose),
      details: (entry) => detailsInWords(language, entry, nameOf),
      row: (entry) => ({ ...registerRow(language, entry, nameOf), target: targetInWords(language, withName(entry), nameOf, kindLabel) }),
    };
  }, [language, book, auditTargets, t]);
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEPARTMENTS, DEFAULT_ROLES, type Permission } from '../../../shared/domain/permissions';

// Names the archive keeps as data (built-in roles and departments, stored in Chinese) are
// shown in the interface language when they are the built-in ones; anything an
// administrator named stays as it was written.

function roleCodeOf(name: string): string | undefined {
  return DEFAULT_ROLES.find((role) => role.name === name)?.code;
}

function departmentCodeOf(name: string): string | undefined {
  return DEFAULT_DEPARTMENTS.find((department) => department.name === name)?.code;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A moment (ISO-8601 UTC, as the archive keeps it) in local time as `2026-12-02 05:25:14`,
 * the same in every language; anything that is not a moment is shown as written.
 */
export function formatMoment(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export interface Labels {
  role(name: string, code?: string): string;
  department(name: string, code?: string): string;
  permission(permission: Permission): string;
  permissionDescription(permission: Permission): string;
  /** An audit action: a method name, or another event the host records. */
  action(action: string): string;
  /** A moment as `2026-12-02 05:25:14` (local time), in every language. */
  dateTime(iso: string): string;
  /** A day as `2026-12-02 星期三` / `2026-12-02 Wednesday`: the date in YYYY-MM-DD, the weekday in words. */
  date(iso: string | Date): string;
}

export function useLabels(): Labels {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'zh-CN';
  return useMemo<Labels>(() => {
    const weekday = new Intl.DateTimeFormat(language, { weekday: 'long' });
    return {
      role(name, code) {
        const known = code ?? roleCodeOf(name);
        return known ? t(`data.role.${known}` as 'data.role.sysadmin', { defaultValue: name }) : name;
      },
      department(name, code) {
        const known = code ?? departmentCodeOf(name);
        return known ? t(`data.department.${known}` as 'data.department.credit', { defaultValue: name }) : name;
      },
      permission: (permission) => t(`permission.${permission}.name`),
      permissionDescription: (permission) => t(`permission.${permission}.description`),
      action: (action) => t(`audit.actionNames.${action}` as 'audit.actionNames.auth.login', { defaultValue: action }),
      dateTime: formatMoment,
      date: (value) => {
        const date = typeof value === 'string' ? new Date(value) : value;
        if (Number.isNaN(date.getTime())) return String(value);
        return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${weekday.format(date)}`;
      },
    };
  }, [t, language]);
}

import dayjs from 'dayjs';

/** A moment as the borrowing screens show it (local time, to the minute). */
export function moment(iso: string | null | undefined): string {
  if (!iso) return '—';
  const value = dayjs(iso);
  return value.isValid() ? value.format('YYYY-MM-DD HH:mm') : iso;
}

/** A day as it is (YYYY-MM-DD), or a dash. */
export const day = (d: string | null | undefined): string => d ?? '—';

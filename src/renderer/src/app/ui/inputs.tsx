import { TextInput, type TextInputProps } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

// Inputs of every form: days typed or picked as YYYY-MM-DD, money in yuan.

const DAY_PATTERNS = [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/];

/** A typed day, complete and real, as YYYY-MM-DD; null while it is not (yet) one. */
export function parseDay(text: string): string | null {
  const value = text.normalize('NFKC').trim();
  for (const pattern of DAY_PATTERNS) {
    const match = pattern.exec(value);
    if (!match) continue;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
    return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return null;
}

export function DayInput(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return (
    <DateInput
      valueFormat="YYYY-MM-DD"
      dateParser={parseDay}
      placeholder="YYYY-MM-DD"
      leftSection={<IconCalendar size={16} />}
      clearable={!props.required}
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}

export function MoneyInput(props: TextInputProps) {
  return <TextInput leftSection="¥" inputMode="decimal" autoComplete="off" placeholder="0.00" {...props} />;
}

import { Progress, Stack, Text } from '@mantine/core';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/contract/schemas';

const zxcvbn = new ZxcvbnFactory();
const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/**
 * How hard the password is to guess (zxcvbn score 0–4), with the names the user typed
 * elsewhere in the form counted as guessable. Advice only: the host enforces the length.
 */
export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const inputs = userInputs.filter((value) => value.trim() !== '').join('\u0000');
  const score = useMemo(() => {
    if (password === '') return null;
    const result = zxcvbn.check(password.slice(0, 100), inputs === '' ? [] : inputs.split('\u0000'));
    // Below the minimum length the password will be refused anyway: never more than weak.
    return password.length < MIN_PASSWORD_LENGTH ? Math.min(result.score, 1) : result.score;
  }, [password, inputs]);
  const level = score ?? 0;
  const label = t(`password.levels.${level as 0 | 1 | 2 | 3 | 4}`);
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress value={score === null ? 0 : ((level + 1) / 5) * 100} color={COLORS[level]} size="sm" aria-label={t('password.strength', { label })} />
      <Text size="xs" c={score === null ? 'dimmed' : COLORS[level]}>
        {score === null ? t('password.hint', { min: MIN_PASSWORD_LENGTH }) : t('password.strength', { label })}
      </Text>
      {score !== null && score < 3 && password.length >= MIN_PASSWORD_LENGTH && (
        <Text size="xs" c="dimmed">
          {t('password.weakWarning')}
        </Text>
      )}
      {score !== null && (
        <Text size="xs" c="dimmed">
          {t('password.hint', { min: MIN_PASSWORD_LENGTH })}
        </Text>
      )}
    </Stack>
  );
}

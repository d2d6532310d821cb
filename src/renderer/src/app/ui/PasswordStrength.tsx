import { Progress, Stack, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH } from '../../../../shared/contract/schemas';
import { MIN_PASSWORD_SCORE, passwordScore } from '../../../../shared/domain/password-strength';

const COLORS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/**
 * How hard the password is to guess (zxcvbn score 0–4), with the names the user typed
 * elsewhere in the form counted as guessable: the host's rule (shared/domain/password-strength),
 * which refuses a password below MIN_PASSWORD_SCORE.
 */
export function PasswordStrength({ password, userInputs = [] }: { password: string; userInputs?: string[] }) {
  const { t } = useTranslation();
  const inputs = userInputs.filter((value) => value.trim() !== '').join('\u0000');
  const score = useMemo(() => {
    if (password === '') return null;
    return passwordScore(password, inputs === '' ? [] : inputs.split('\u0000'));
  }, [password, inputs]);
  const level = score ?? 0;
  const label = t(`password.levels.${level as 0 | 1 | 2 | 3 | 4}`);
  return (
    <Stack gap={4} data-testid="password-strength">
      <Progress value={score === null ? 0 : ((level + 1) / 5) * 100} color={COLORS[level]} size="sm" aria-label={t('password.strength', { label })} />
      <Text size="xs" c={score === null ? 'dimmed' : COLORS[level]}>
        {score === null ? t('password.hint', { min: MIN_PASSWORD_LENGTH }) : t('password.strength', { label })}
      </Text>
      {score !== null && score < MIN_PASSWORD_SCORE && password.length >= MIN_PASSWORD_LENGTH && (
        <Text size="xs" c="red">
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

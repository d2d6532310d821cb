import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Stepper,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconBuilding,
  IconCheck,
  IconCopy,
  IconFolder,
  IconFolderOpen,
  IconKey,
  IconUserShield,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type Output } from '../../../../shared/contract';
import { call } from '../../api/client';
import { hasCode } from '../../api/errors';
import { queryKey } from '../../api/hooks';
import { session } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { AuthFrame } from '../../app/ui/AuthFrame';
import { PasswordStrength } from '../../app/ui/PasswordStrength';
import { formatRecoveryCode } from './recoveryCode';
import { useSecretClipboard } from './secretClipboard';

interface SetupValues {
  companyName: string;
  admin: { username: string; displayName: string; password: string };
  confirmPassword: string;
}

const setupSchema = contract['archive.setup'].input
  .extend({ confirmPassword: z.string() })
  .refine((values) => values.admin.password === values.confirmPassword, { path: ['confirmPassword'], message: 'passwordMismatch' });

const STEP_FIELDS: readonly (readonly string[])[] = [
  [],
  ['companyName'],
  ['admin.username', 'admin.displayName', 'admin.password', 'confirmPassword'],
];
const ALL_FIELDS = STEP_FIELDS.flat();

type SetupGrant = Output<'archive.setup'>;

export function SetupWizard({ dir, canChooseFolder }: { dir: string; canChooseFolder: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const validate = useSchemaValidator<SetupValues>(setupSchema);
  const form = useForm<SetupValues>({
    initialValues: { companyName: '', admin: { username: '', displayName: '', password: '' }, confirmPassword: '' },
    validate,
  });
  const [step, setStep] = useState(0);
  const [failure, setFailure] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [grant, setGrant] = useState<SetupGrant | null>(null);
  const [saved, setSaved] = useState(false);

  const stepIsValid = (index: number) => {
    let valid = true;
    for (const field of STEP_FIELDS[index] ?? []) {
      if (form.validateField(field).hasError) valid = false;
    }
    return valid;
  };

  const next = () => {
    if (stepIsValid(step)) setStep((current) => current + 1);
  };

  const chooseFolder = async () => {
    setChoosing(true);
    setFailure(null);
    try {
      const chosen = await call('shell.chooseFolder', {});
      if (chosen) {
        await queryClient.invalidateQueries({ queryKey: queryKey('archive.status') });
        notifications.show({ message: t('setup.folder.chosen') });
      }
    } catch (error) {
      setFailure(error);
    } finally {
      setChoosing(false);
    }
  };

  const create = form.onSubmit(async ({ companyName, admin }) => {
    setCreating(true);
    setFailure(null);
    try {
      setGrant(await call('archive.setup', { companyName, admin }));
      setStep(3);
    } catch (error) {
      const placed: string[] = [];
      const setFieldError = (field: string, message: string) => {
        placed.push(field);
        form.setFieldError(field, message);
      };
      if (applyServerIssues(t, error, setFieldError, ALL_FIELDS)) {
        const firstStepWithError = STEP_FIELDS.findIndex((fields) => fields.some((field) => placed.includes(field)));
        if (firstStepWithError > 0) setStep(firstStepWithError);
      } else {
        setFailure(error);
      }
      if (hasCode(error, 'ALREADY_INITIALIZED')) {
        await queryClient.invalidateQueries({ queryKey: queryKey('archive.status') });
      }
    } finally {
      setCreating(false);
    }
  });

  const finish = () => {
    if (!grant || !saved) return;
    queryClient.setQueryData(queryKey('archive.status', {}), { initialized: true, dir });
    notifications.show({ color: 'green', message: t('setup.done') });
    session.begin({ session: grant.session, user: grant.user });
  };

  return (
    <AuthFrame title={t('setup.title')} subtitle={t('setup.intro')} width={920}>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(index) => grant === null && index < step && setStep(index)}>
        <Stepper.Step label={t('setup.steps.folder')} description={t('setup.steps.folderDesc')} icon={<IconFolder size={18} />}>
          <Stack gap="md" pt="md">
            <Text size="sm" c="dimmed">
              {t('setup.folder.description')}
            </Text>
            <Paper withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
              <Stack gap={4}>
                <Text size="xs" c="dimmed" fw={500}>
                  {t('setup.folder.label')}
                </Text>
                <Code fz="sm" data-testid="archive-dir" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {dir}
                </Code>
              </Stack>
            </Paper>
            {canChooseFolder ? (
              <Group>
                <Button variant="default" leftSection={<IconFolderOpen size={16} />} loading={choosing} onClick={() => void chooseFolder()}>
                  {t('setup.folder.choose')}
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                {t('setup.folder.browserNote')}
              </Text>
            )}
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.company')} description={t('setup.steps.companyDesc')} icon={<IconBuilding size={18} />}>
          <Stack gap="md" pt="md">
            <TextInput
              label={t('setup.company.label')}
              placeholder={t('setup.company.placeholder')}
              description={t('setup.company.description')}
              required
              data-autofocus
              {...form.getInputProps('companyName')}
            />
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.admin')} description={t('setup.steps.adminDesc')} icon={<IconUserShield size={18} />}>
          <form id="setup-admin" onSubmit={create} noValidate>
            <Stack gap="md" pt="md">
              <Text size="sm" c="dimmed">
                {t('setup.admin.intro')}
              </Text>
              <Group grow align="flex-start">
                <TextInput
                  label={t('setup.admin.username')}
                  placeholder={t('setup.admin.usernamePlaceholder')}
                  autoComplete="username"
                  required
                  {...form.getInputProps('admin.username')}
                />
                <TextInput
                  label={t('setup.admin.displayName')}
                  placeholder={t('setup.admin.displayNamePlaceholder')}
                  autoComplete="name"
                  required
                  {...form.getInputProps('admin.displayName')}
                />
              </Group>
              <PasswordInput label={t('setup.admin.password')} autoComplete="new-password" required {...form.getInputProps('admin.password')} />
              <PasswordStrength
                password={form.values.admin.password}
                userInputs={[form.values.admin.username, form.values.admin.displayName, form.values.companyName]}
              />
              <PasswordInput label={t('setup.admin.confirmPassword')} autoComplete="new-password" required {...form.getInputProps('confirmPassword')} />
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label={t('setup.steps.recovery')} description={t('setup.steps.recoveryDesc')} icon={<IconKey size={18} />}>
          {grant && (
            <Stack gap="md" pt="md">
              <Text size="sm">{t('setup.recovery.intro')}</Text>
              <Paper withBorder radius="md" p="lg" bg="var(--mantine-color-gray-0)">
                <Stack align="center" gap="md">
                  <Text
                    data-testid="recovery-code"
                    ff="monospace"
                    fz={22}
                    fw={700}
                    ta="center"
                    style={{ letterSpacing: '0.06em', wordBreak: 'break-word' }}
                  >
                    {formatRecoveryCode(grant.recoveryCode)}
                  </Text>
                  <RecoveryCodeCopy code={formatRecoveryCode(grant.recoveryCode)} />
                </Stack>
              </Paper>
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
                {t('setup.recovery.warning')}
              </Alert>
              <Checkbox
                label={t('setup.recovery.confirm')}
                checked={saved}
                onChange={(event) => setSaved(event.currentTarget.checked)}
              />
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>

      {failure !== null && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
          {errorText(failure)}
        </Alert>
      )}

      <Group justify="space-between">
        {step > 0 && step < 3 ? (
          <Button variant="default" onClick={() => setStep((current) => current - 1)} disabled={creating}>
            {t('app.back')}
          </Button>
        ) : (
          <span />
        )}
        {step < 2 && <Button onClick={next}>{t('app.next')}</Button>}
        {step === 2 && (
          <Button type="submit" form="setup-admin" loading={creating}>
            {creating ? t('setup.creating') : t('setup.create')}
          </Button>
        )}
        {step === 3 && (
          <Button color="green" disabled={!saved} onClick={finish}>
            {t('setup.recovery.finish')}
          </Button>
        )}
      </Group>
    </AuthFrame>
  );
}

/**
 * The recovery code's copy button: the code stays on the clipboard for 60 seconds at most,
 * and is cleared when this step is left (the step's content unmounts).
 */
function RecoveryCodeCopy({ code }: { code: string }) {
  const { t } = useTranslation();
  const { copied, copy } = useSecretClipboard();
  return (
    <Stack gap={4} align="center">
      <Button
        variant={copied ? 'light' : 'default'}
        color={copied ? 'teal' : undefined}
        leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
        onClick={() => void copy(code)}
      >
        {copied ? t('setup.recovery.copied') : t('setup.recovery.copy')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('setup.recovery.clipboardCleared')}
      </Text>
    </Stack>
  );
}

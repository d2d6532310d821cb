import { Alert, Badge, Box, Button, Card, Grid, Group, Modal, SimpleGrid, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconPencil, IconShieldCheck, IconUserCheck, IconUserEdit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { verifyRefusal } from '../../../../shared/domain/verification';
import { useArchiveMutation } from '../../api/hooks';
import { allows } from '../../api/permissions';
import { useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { useLabels } from '../../app/labels';
import { Field } from '../../app/ui/Field';
import { CustomerFormModal } from './CustomerFormModal';
import { useVocabulary } from '../../app/vocabulary';

export function BasicsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const [editing, setEditing] = useState(false);
  const b = file.basics;
  const enterprise = b.kind === 'enterprise';
  const label = (key: keyof typeof b | 'registeredCapital' | 'department' | 'warning') => t(`customerFile.basics.${key as 'name'}`);

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="md">
          <Group justify="space-between">
            <Title order={4}>{t('customerFile.basics.title')}</Title>
            {allows(me, 'customers.update') && (
              <Button variant="light" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)} data-testid="edit-basics">
                {t('customerFile.basics.edit')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" verticalSpacing="md" data-testid="basics">
            <Field label={label('name')}>{b.name}</Field>
            <Field label={label('kind')}>{vocabulary.label('kind', b.kind)}</Field>
            {enterprise ? (
              <Field label={label('creditCode')} mono>
                {b.creditCode}
              </Field>
            ) : (
              <Field label={label('idNumber')} mono>
                {b.idNumber}
              </Field>
            )}
            {enterprise && <Field label={label('enterpriseNature')}>{b.enterpriseNature && vocabulary.label('nature', b.enterpriseNature)}</Field>}
            {enterprise && <Field label={label('registeredCapital')}>{b.registeredCapitalFen !== null && vocabulary.money(b.registeredCapitalFen)}</Field>}
            {enterprise && <Field label={label('legalRepresentative')}>{b.legalRepresentative}</Field>}
            <Field label={label('personInCharge')}>{b.personInCharge}</Field>
            <Field label={label('industry')}>{b.industry}</Field>
            <Field label={label('serviceType')}>{b.serviceType && vocabulary.label('serviceType', b.serviceType)}</Field>
            <Field label={label('cooperationStart')}>{b.cooperationStart}</Field>
            <Field label={label('bankName')}>{b.bankName}</Field>
            <Field label={label('bankAccount')} mono>
              {b.bankAccount}
            </Field>
            <Field label={label('department')}>{labels.department(b.departmentName)}</Field>
            <Field label={label('confidentiality')}>{vocabulary.label('confidentiality', b.confidentiality)}</Field>
            <Field label={label('grade')}>{b.grade ?? t('customers.noGrade')}</Field>
            <Field label={t('customerFile.basics.creditLimit')}>{b.creditLimitFen === null ? t('customerFile.basics.noCreditLimit') : vocabulary.money(b.creditLimitFen)}</Field>
            <Field label={t('customerFile.basics.creditTerm')}>
              {b.creditTermDays === null ? t('customerFile.basics.noCreditLimit') : t('customerFile.basics.termDays', { count: b.creditTermDays })}
            </Field>
            <Field label={label('warning')}>{vocabulary.label('warning', b.warningState)}</Field>
            <Field label={label('createdAt')}>{labels.dateTime(b.createdAt)}</Field>
            <Field label={label('updatedAt')}>{labels.dateTime(b.updatedAt)}</Field>
          </SimpleGrid>
          <Field label={label('address')}>{b.address}</Field>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <VerificationPanel file={file} />
      </Grid.Col>
      <CustomerFormModal opened={editing} customer={b} onClose={() => setEditing(false)} />
    </Grid>
  );
}

function VerificationPanel({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const verify = useArchiveMutation('customers.verify', { invalidates: ['customers.get', 'customers.search'] });
  const v = file.verification;
  const b = file.basics;
  const verified = v.state === 'verified';
  const mayVerify = allows(me, 'customers.verify');
  // The host's own rule (shared/domain/verification) says whether this user may confirm.
  const refusal = verifyRefusal({ verification: v.state, enteredBy: v.enteredBy.id }, me.id);
  const why = refusal === 'sameUser' ? t('customerFile.verification.sameUser') : !mayVerify ? t('customerFile.verification.noPermission') : null;

  return (
    <Card withBorder radius="md" padding="lg" bg={verified ? 'var(--mantine-color-green-0)' : 'var(--mantine-color-orange-0)'} data-testid="verification-panel">
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" color={verified ? 'green' : 'orange'}>
              <IconShieldCheck size={18} />
            </ThemeIcon>
            <Title order={5}>{t('customerFile.verification.title')}</Title>
          </Group>
          <Badge color={verified ? 'green' : 'orange'} variant="filled">
            {vocabulary.label('verification', v.state)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed">
          {t('customerFile.verification.intro')}
        </Text>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="white" color="gray" size="md">
            <IconUserEdit size={18} />
          </ThemeIcon>
          <Stack gap={0} data-testid="entered-by">
            <Text size="xs" c="dimmed">
              {t('customerFile.verification.enteredBy')}
            </Text>
            <Text size="sm">{t('customerFile.verification.at', { name: v.enteredBy.displayName, time: labels.dateTime(v.enteredAt) })}</Text>
          </Stack>
        </Group>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="white" color={verified ? 'green' : 'gray'} size="md">
            <IconUserCheck size={18} />
          </ThemeIcon>
          <Stack gap={0} data-testid="verified-by">
            <Text size="xs" c="dimmed">
              {t('customerFile.verification.verifiedBy')}
            </Text>
            <Text size="sm" c={verified ? undefined : 'dimmed'}>
              {v.verifiedBy && v.verifiedAt
                ? t('customerFile.verification.at', { name: v.verifiedBy.displayName, time: labels.dateTime(v.verifiedAt) })
                : t('customerFile.verification.notYet')}
            </Text>
          </Stack>
        </Group>
        {verified ? (
          <Text size="xs" c="dimmed">
            {t('customerFile.verification.verifiedNote')}
          </Text>
        ) : (
          <>
            {refusal === 'sameUser' && (
              <Alert variant="light" color="orange" icon={<IconAlertCircle size={16} />} p="xs" data-testid="verify-same-user">
                <Text size="xs">{t('customerFile.verification.sameUser')}</Text>
              </Alert>
            )}
            {refusal === null && !mayVerify && (
              <Text size="xs" c="dimmed">
                {t('customerFile.verification.noPermission')}
              </Text>
            )}
            <Tooltip label={why} disabled={why === null} multiline w={260} withArrow>
              {/* A disabled button takes no pointer events: the wrapper carries the tooltip. */}
              <Box>
                <Button
                  fullWidth
                  color="green"
                  leftSection={<IconShieldCheck size={16} />}
                  disabled={why !== null}
                  onClick={() => setConfirming(true)}
                  data-testid="verify-customer"
                  data-refusal={refusal ?? (mayVerify ? undefined : 'noPermission')}
                >
                  {t('customerFile.verification.confirm')}
                </Button>
              </Box>
            </Tooltip>
          </>
        )}
      </Stack>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('customerFile.verification.confirmTitle')} size="md" centered>
        <Stack gap="md">
          <Text size="sm">{t('customerFile.verification.confirmIntro')}</Text>
          {verify.error && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />} data-testid="verify-error">
              {errorText(verify.error)}
            </Alert>
          )}
          <Card withBorder radius="sm" padding="md">
            <SimpleGrid cols={1} spacing="sm">
              <Field label={t('customerFile.basics.name')}>{b.name}</Field>
              {b.kind === 'enterprise' ? (
                <Field label={t('customerFile.basics.creditCode')} mono>
                  {b.creditCode}
                </Field>
              ) : (
                <Field label={t('customerFile.basics.idNumber')} mono>
                  {b.idNumber}
                </Field>
              )}
              <Field label={t('customerFile.basics.bankName')}>{b.bankName}</Field>
              <Field label={t('customerFile.basics.bankAccount')} mono>
                {b.bankAccount}
              </Field>
            </SimpleGrid>
          </Card>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="green"
              loading={verify.isPending}
              leftSection={<IconShieldCheck size={16} />}
              onClick={async () => {
                try {
                  await verify.mutateAsync({ id: b.id });
                  notifications.show({ color: 'green', message: t('customerFile.verification.done') });
                  setConfirming(false);
                } catch {
                  // shown in the dialog: the host's reason (someone else's entry only, …)
                }
              }}
              data-testid="verify-confirm"
            >
              {t('customerFile.verification.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

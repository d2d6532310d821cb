import { Anchor, Badge, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconBuildingStore, IconEye, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { CustomerFile } from '../../../../shared/contract';
import { purposeInWords } from '../../../../shared/messages/auditWords';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { permitted, useContributions } from '../../app/contributions';
import { currentLanguage } from '../../app/i18n';
import { PurposeModal } from '../../app/ui/PurposeModal';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { useVocabulary } from '../../app/vocabulary';
/** The tab a file opens on. */
const FIRST_TAB = 'basics';

/**
 * One customer's credit file. It is read with a purpose (用途), asked every time the file
 * is opened: the list asks before coming here and hands the purpose over once in the
 * navigation state; arriving any other way (an address, going back) asks here.
 */
export function CustomerFilePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const handed = (location.state as { purpose?: unknown } | null)?.purpose;
  const [purpose, setPurpose] = useState<string | null>(typeof handed === 'string' ? handed : null);
  const [tab, setTab] = useState<string>(FIRST_TAB);
  // The tabs are what the features contribute: this page knows none of them by name.
  const contributions = useContributions();
  const tabs = permitted(useCurrentUser(), contributions.customerFileTabs);
  const Refusal = contributions.components.readRefusal;

  // The purpose handed over is used once: the history entry forgets it, so that coming
  // back to this entry later asks again.
  useEffect(() => {
    if (typeof handed === 'string') {
      setPurpose(handed);
      setTab(FIRST_TAB);
      navigate(location.pathname, { replace: true, state: null });
    }
  }, [location.key]);

  const file = useQuery<CustomerFile, ApiError>({
    queryKey: queryKey('customers.get', { id, purpose: purpose ?? '' }),
    queryFn: () => call('customers.get', { id, purpose: purpose ?? '' }),
    enabled: purpose !== null,
    // A reading is on record each time: nothing is kept for later readings.
    staleTime: 0,
    gcTime: 0,
  });

  if (purpose === null) {
    return (
      <>
        <BackLink />
        <LoadingState label={t('purpose.title')} />
        <PurposeModal opened subject={null} onConfirm={setPurpose} onCancel={() => navigate('/customers')} />
      </>
    );
  }
  if (file.isPending) {
    return (
      <>
        <BackLink />
        <LoadingState label={t('customerFile.loading')} />
      </>
    );
  }
  if (file.isError) {
    return (
      <>
        <BackLink />
        {Refusal ? <Refusal customerId={id} error={file.error} onRetry={() => void file.refetch()} /> : <ErrorState error={file.error} onRetry={() => void file.refetch()} />}
      </>
    );
  }

  const data = file.data;
  return (
    <Stack gap="md">
      <BackLink />
      <FileHeader file={data} purpose={purpose} />
      <Card withBorder radius="md" padding={0}>
        <Tabs
          value={tab}
          onChange={(value) => value && setTab(value)}
          keepMounted={false}
          styles={{ tab: { paddingInline: 'var(--mantine-spacing-sm)' } }}
        >
          <Tabs.List px="md" pt="xs">
            {tabs.map((contribution) => {
              const count = contribution.count?.(data) ?? 0;
              return (
                <Tabs.Tab
                  key={contribution.id}
                  value={contribution.id}
                  rightSection={
                    count ? (
                      <Badge size="xs" variant="light" color="gray" circle={count < 10}>
                        {count}
                      </Badge>
                    ) : undefined
                  }
                >
                  {contribution.label(t)}
                </Tabs.Tab>
              );
            })}
          </Tabs.List>
          {tabs.map((contribution) => (
            <Tabs.Panel key={contribution.id} value={contribution.id} p="lg">
              <contribution.component file={data} purpose={purpose} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Card>
    </Stack>
  );
}

function BackLink() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Anchor
      component="button"
      type="button"
      size="sm"
      onClick={() => navigate('/customers')}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}
    >
      <IconArrowLeft size={14} />
      {t('customerFile.back')}
    </Anchor>
  );
}

function FileHeader({ file, purpose }: { file: CustomerFile; purpose: string }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const actions = permitted(useCurrentUser(), useContributions().customerFileActions);
  const basics = file.basics;
  const code = basics.kind === 'enterprise' ? basics.creditCode : basics.idNumber;
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
      <Stack gap={6} miw={0}>
        <Group gap="sm" wrap="nowrap">
          {basics.kind === 'individual' ? <IconUser size={26} color="var(--mantine-color-grape-6)" /> : <IconBuildingStore size={26} color="var(--mantine-color-blue-6)" />}
          <Title order={2} data-testid="customer-name">
            {basics.name}
          </Title>
        </Group>
        <Group gap="xs">
          {code && (
            <Text ff="monospace" size="sm" c="dimmed" data-testid="customer-code">
              {code}
            </Text>
          )}
          <Badge variant="light" color="gray">
            {vocabulary.label('kind', basics.kind)}
          </Badge>
          <Badge variant="light" color={file.verification.state === 'verified' ? 'green' : 'orange'} data-testid="file-verification-badge">
            {vocabulary.label('verification', file.verification.state)}
          </Badge>
          {basics.warningState === 'open' && (
            <Badge variant="filled" color="red">
              {vocabulary.label('warning', 'open')}
            </Badge>
          )}
          {basics.grade && (
            <Badge variant="light" color="indigo">
              {t('customerFile.basics.grade')} {basics.grade}
            </Badge>
          )}
          <Badge variant="outline" color={basics.confidentiality === 'normal' ? 'gray' : 'red'}>
            {t('app.keyValue', { key: t('customerFile.basics.confidentiality'), value: vocabulary.label('confidentiality', basics.confidentiality) })}
          </Badge>
          <Badge variant="light" color="teal" data-testid="file-credit-limit">
            {t('app.keyValue', { key: t('customerFile.basics.creditLimit'), value: basics.creditLimitFen === null ? t('customerFile.basics.noCreditLimit') : vocabulary.money(basics.creditLimitFen) })}
          </Badge>
          <Badge variant="light" color="teal" data-testid="file-credit-term">
            {t('app.keyValue', {
              key: t('customerFile.basics.creditTerm'),
              value: basics.creditTermDays === null ? t('customerFile.basics.noCreditLimit') : t('customerFile.basics.termDays', { count: basics.creditTermDays }),
            })}
          </Badge>
          <Badge variant="light" color="blue" data-testid="file-receivable">
            {t('app.keyValue', { key: t('customerFile.basics.receivable'), value: vocabulary.money(file.figures.receivableFen) })}
          </Badge>
          <Badge variant={file.figures.overdueFen > 0 ? 'filled' : 'light'} color={file.figures.overdueFen > 0 ? 'red' : 'gray'} data-testid="file-overdue">
            {t('app.keyValue', { key: t('customerFile.basics.overdue'), value: vocabulary.money(file.figures.overdueFen) })}
          </Badge>
          {basics.creditLimitFen !== null && basics.creditLimitFen > 0 && (
            <Badge variant="light" color={file.figures.receivableFen > basics.creditLimitFen ? 'red' : 'teal'} data-testid="file-limit-used">
              {t('app.keyValue', { key: t('customerFile.basics.limitUsed'), value: `${Math.round((Math.max(0, file.figures.receivableFen) * 1000) / basics.creditLimitFen) / 10}%` })}
            </Badge>
          )}
        </Group>
      </Stack>
      <Stack gap="xs" align="flex-end">
        {actions.length > 0 && (
          <Group gap="xs">
            {actions.map((action) => (
              <action.component key={action.id} file={file} />
            ))}
          </Group>
        )}
        <Group gap={6} wrap="nowrap" c="dimmed">
          <IconEye size={14} />
          <Text size="xs" c="dimmed" data-testid="reading-purpose">
            {t('customerFile.purposeNote', { purpose: purposeInWords(currentLanguage(), purpose) })}
          </Text>
        </Group>
      </Stack>
    </Group>
  );
}

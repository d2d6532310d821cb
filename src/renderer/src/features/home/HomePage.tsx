import { Badge, Button, Card, Grid, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconBuilding, IconClockShield, IconEye, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { useLabels } from '../../app/labels';
import { permitted, useContributions } from '../../app/contributions';
import { ErrorState, LoadingState } from '../../app/ui/States';

function greetingKey(hour: number): 'home.greetingMorning' | 'home.greetingAfternoon' | 'home.greetingEvening' {
  if (hour < 12) return 'home.greetingMorning';
  if (hour < 18) return 'home.greetingAfternoon';
  return 'home.greetingEvening';
}

export function HomePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  const navigate = useNavigate();
  const settings = useArchiveQuery('settings.get', {});
  const now = new Date();
  const functions = permitted(user, useContributions().homeCards);

  if (settings.isPending) return <LoadingState />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="xl" bg="linear-gradient(135deg, var(--mantine-color-blue-0), var(--mantine-color-white))">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
          <Stack gap={6}>
            <Title order={2} data-testid="home-greeting">
              {t(greetingKey(now.getHours()), { name: user.displayName })}
            </Title>
            <Text c="dimmed">{t('home.today', { date: labels.date(now) })}</Text>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            <ThemeIcon variant="light" size="lg">
              <IconBuilding size={20} />
            </ThemeIcon>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('home.company')}
              </Text>
              <Text fw={600}>{settings.data.companyName}</Text>
            </Stack>
          </Group>
        </Group>
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="md">
              {t('home.canDo')}
            </Title>
            {functions.length === 0 ? (
              <Text c="dimmed" size="sm" data-testid="home-no-functions">
                {t('home.canDoEmpty')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                {functions.map((card) => (
                  <Paper key={card.id} withBorder radius="md" p="md">
                    <Stack gap="sm" h="100%" justify="space-between">
                      <Group gap="sm" wrap="nowrap" align="flex-start">
                        <ThemeIcon variant="light" size="lg" radius="md">
                          <card.icon size={20} />
                        </ThemeIcon>
                        <Stack gap={2}>
                          <Text fw={600}>{card.title(t)}</Text>
                          <Text size="sm" c="dimmed">
                            {card.description(t)}
                          </Text>
                          {card.summary && <card.summary />}
                        </Stack>
                      </Group>
                      <Group justify="flex-end">
                        <Button size="xs" variant="light" rightSection={<IconArrowRight size={14} />} onClick={() => navigate(card.path)}>
                          {t('home.open')}
                        </Button>
                      </Group>
                    </Stack>
                  </Paper>
                ))}
              </SimpleGrid>
            )}
            <Text fw={600} size="sm" mt="lg" mb="xs">
              {t('home.permissionsTitle')}
            </Text>
            <Group gap="xs">
              {user.permissions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('home.noPermissions')}
                </Text>
              ) : (
                user.permissions.map((permission) => (
                  <Badge key={permission} variant="light" title={labels.permissionDescription(permission)}>
                    {labels.permission(permission)}
                  </Badge>
                ))
              )}
            </Group>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" padding="lg">
              <Title order={4} mb="md">
                {t('home.profile')}
              </Title>
              <Stack gap="sm">
                <Field label={t('home.username')} value={user.username} />
                <Field label={t('home.department')} value={labels.department(user.departmentName)} />
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    {t('home.roles')}
                  </Text>
                  <Group gap={6}>
                    {user.roleNames.map((name) => (
                      <Badge key={name} variant="outline">
                        {labels.role(name)}
                      </Badge>
                    ))}
                  </Group>
                </Stack>
                <Button variant="subtle" size="xs" px={0} justify="flex-start" onClick={() => navigate('/account')}>
                  {t('home.accountLink')}
                </Button>
              </Stack>
            </Card>
            <Card withBorder radius="md" padding="lg">
              <Title order={4} mb="md">
                {t('home.security')}
              </Title>
              <List spacing="sm" size="sm" center>
                <List.Item icon={<ThemeIcon size={22} variant="light" color="teal"><IconClockShield size={14} /></ThemeIcon>}>
                  {t('home.securityIdle', { minutes: settings.data.idleLockMinutes })}
                </List.Item>
                <List.Item icon={<ThemeIcon size={22} variant="light" color="teal"><IconLock size={14} /></ThemeIcon>}>
                  {t('home.securityLock')}
                </List.Item>
                <List.Item icon={<ThemeIcon size={22} variant="light" color="teal"><IconEye size={14} /></ThemeIcon>}>
                  {t('home.securityAudit')}
                </List.Item>
              </List>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </Stack>
  );
}

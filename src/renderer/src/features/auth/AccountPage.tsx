import { Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session';
import { useLabels } from '../../app/labels';
import { PageHeader } from '../../app/ui/PageHeader';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useLabels();
  return (
    <>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb="md">
              {t('account.profile')}
            </Title>
            <Stack gap="sm">
              <Row label={t('account.username')}>
                <Text size="sm" ff="monospace">
                  {user.username}
                </Text>
              </Row>
              <Row label={t('account.displayName')}>
                <Text size="sm">{user.displayName}</Text>
              </Row>
              <Row label={t('account.department')}>
                <Text size="sm">{labels.department(user.departmentName)}</Text>
              </Row>
              <Row label={t('account.roles')}>
                <Group gap={4}>
                  {user.roleNames.map((name) => (
                    <Badge key={name} variant="outline" size="sm">
                      {labels.role(name)}
                    </Badge>
                  ))}
                </Group>
              </Row>
              <Row label={t('account.permissions')}>
                <Group gap={4}>
                  {user.permissions.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {t('home.noPermissions')}
                    </Text>
                  ) : (
                    user.permissions.map((permission) => (
                      <Badge key={permission} variant="light" size="sm">
                        {labels.permission(permission)}
                      </Badge>
                    ))
                  )}
                </Group>
              </Row>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder radius="md" padding="lg">
            <Title order={4} mb={4}>
              {t('changePassword.title')}
            </Title>
            <Text size="sm" c="dimmed" mb="md">
              {t('changePassword.intro')}
            </Text>
            <ChangePasswordForm />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap="md" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={88} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

import { Box, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of every screen before the shell: brand, language switch, one card. */
export function AuthFrame({ title, subtitle, width = 440, children }: { title: string; subtitle?: ReactNode; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <Group justify="space-between" px="xl" py="md">
        <Group gap="sm">
          <ThemeIcon size={36} radius="md" variant="filled">
            <IconShieldLock size={22} />
          </ThemeIcon>
          <Stack gap={0}>
            <Text fw={700} size="lg">
              {t('app.name')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('app.tagline')}
            </Text>
          </Stack>
        </Group>
        <LanguageSwitch />
      </Group>
      <Center px="md" pb="xl" pt="lg">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={width}>
          <Stack gap="lg">
            <Stack gap={6}>
              <Title order={2}>{title}</Title>
              {subtitle && (
                <Text c="dimmed" size="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}

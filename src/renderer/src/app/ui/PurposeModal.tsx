import { Alert, Button, Group, Modal, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../../shared/contract';
import { readPurposes, type ReadPurpose } from '../../../../shared/contract/audit';
import { schemaMaxLength } from '../forms';

// 用途: reading credit information needs a purpose, chosen or typed, every time
// (SPEC §4 "reading without a purpose is not possible"). The host records it with the
// reader and the time. A typed purpose is checked by the contract's own schema.

// A chosen purpose goes to the host as its code (readPurposes), so that the log holds what
// the reader chose and every reader of the log sees it in their own language.
const COMMON = readPurposes.options;
type Choice = ReadPurpose | 'other';

/** The purpose of a reading, as the contract takes it. */
const PURPOSE = contract['customers.get'].input.shape.purpose;

export function PurposeModal({
  opened,
  subject,
  onConfirm,
  onCancel,
}: {
  opened: boolean;
  /** What is about to be read: a customer's name, a document's title. */
  subject: string | null;
  /** The purpose as the host takes it: a code (readPurposes) or the text typed under "other". */
  onConfirm: (purpose: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [other, setOther] = useState('');
  const [error, setError] = useState<string | null>(null);

  // Each opening asks afresh: nothing is preselected from the last reading.
  useEffect(() => {
    if (!opened) return;
    setChoice(null);
    setOther('');
    setError(null);
  }, [opened]);

  const submit = () => {
    if (choice === null) {
      setError(t('purpose.required'));
      return;
    }
    if (choice === 'other') {
      const typed = other.trim();
      if (typed === '') {
        setError(t('purpose.required'));
        return;
      }
      if (!PURPOSE.safeParse(typed).success) {
        setError(t('validation.purposeShort'));
        return;
      }
      onConfirm(typed);
      return;
    }
    onConfirm(choice);
  };

  return (
    <Modal opened={opened} onClose={onCancel} title={t('purpose.title')} size="lg" centered data-testid="purpose-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Alert variant="light" color="blue" icon={<IconEye size={18} />}>
            <Stack gap={4}>
              {subject && (
                <Text size="sm" fw={600}>
                  {t('purpose.subject', { name: subject })}
                </Text>
              )}
              <Text size="sm">{t('purpose.intro')}</Text>
            </Stack>
          </Alert>
          <Radio.Group
            label={t('purpose.choose')}
            value={choice}
            onChange={(value) => {
              setChoice(value as Choice);
              setError(null);
            }}
            error={choice === 'other' ? undefined : error}
            withAsterisk
          >
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {[...COMMON, 'other' as const].map((option) => (
                <Radio.Card key={option} value={option} radius="md" p="sm" data-purpose={option}>
                  <Group gap="sm" wrap="nowrap">
                    <Radio.Indicator />
                    <Text size="sm">{t(`purpose.options.${option}`)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {choice === 'other' && (
            <TextInput
              label={t('purpose.other')}
              placeholder={t('purpose.otherPlaceholder')}
              value={other}
              onChange={(event) => {
                setOther(event.currentTarget.value);
                setError(null);
              }}
              error={error}
              maxLength={schemaMaxLength(PURPOSE, '')}
              withAsterisk
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" leftSection={<IconEye size={16} />}>
              {t('purpose.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

import { Alert, Badge, Button, FileInput, Grid, Group, Modal, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArchive, IconBox, IconEye, IconFileUpload, IconPaperclip } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile, DocumentMeta } from '../../../../shared/contract';
import { DOCUMENT_MIME_TYPES, MAX_DOCUMENT_BYTES, type DocumentCategory } from '../../../../shared/domain/customers';
import { useArchiveMutation } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { conflictField, useErrorText } from '../../app/errors';
import { readFileAsBase64 } from '../../app/files';
import { applyServerIssues, focusFirstInvalid, schemaMaxLength, useSchemaValidator } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { allows } from '../../api/permissions';
import { DocumentViewer } from './DocumentViewer';
import { PurposeModal } from '../../app/ui/PurposeModal';
import { useVocabulary } from '../../app/vocabulary';
import { contract } from '../../../../shared/contract';
import { SectionEmpty } from '../../app/ui/States';

// 档案材料: the documents of a customer file, electronic and physical; registering them,
// and opening the electronic ones (with a purpose, in the watermarked viewer).

/** What the browser does not say about a file, its name's extension does. */
const MIME_BY_EXTENSION: Record<string, (typeof DOCUMENT_MIME_TYPES)[number]> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  txt: 'text/plain',
};
const ACCEPT = Object.keys(MIME_BY_EXTENSION)
  .map((extension) => `.${extension}`)
  .join(',');

export function mimeOf(file: File): string {
  if ((DOCUMENT_MIME_TYPES as readonly string[]).includes(file.type)) return file.type;
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
  return MIME_BY_EXTENSION[extension] ?? (file.type || 'application/octet-stream');
}

export function DocumentsTab({ file }: { file: CustomerFile }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const [adding, setAdding] = useState(false);
  const [asking, setAsking] = useState<DocumentMeta | null>(null);
  const [viewing, setViewing] = useState<{ document: DocumentMeta; purpose: string } | null>(null);
  const canAdd = allows(me, 'documents.add');
  const canOpen = allows(me, 'documents.open');
  const documents = file.documents;

  const location = (doc: DocumentMeta) =>
    doc.location ? t('documents.locationText', { cabinet: doc.location.cabinet ?? '—', shelf: doc.location.shelf ?? '—', box: doc.location.box ?? '—' }) : null;

  return (
    <Stack gap="sm" data-testid="documents">
      <Group justify="space-between">
        <Title order={5}>{t('documents.title')}</Title>
        {canAdd && (
          <Button size="xs" variant="light" leftSection={<IconFileUpload size={14} />} onClick={() => setAdding(true)} data-testid="add-document">
            {t('documents.add')}
          </Button>
        )}
      </Group>
      {documents.length === 0 ? (
        <SectionEmpty text={t('documents.empty')} hint={canAdd ? t('documents.emptyHint') : t('customerFile.readOnlyHint')} />
      ) : (
        <Table.ScrollContainer minWidth={980}>
          <Table striped highlightOnHover verticalSpacing="xs" fz="sm" data-testid="documents-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('documents.archiveNo')}</Table.Th>
                <Table.Th>{t('documents.docTitle')}</Table.Th>
                <Table.Th>{t('documents.category')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('documents.retention')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('documents.confidentiality')}</Table.Th>
                <Table.Th>{t('documents.carrier')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('documents.addedBy')}</Table.Th>
                <Table.Th w={90} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {documents.map((doc) => (
                <Table.Tr key={doc.id} data-archive-no={doc.archiveNo} data-title={doc.title}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {doc.archiveNo}
                  </Table.Td>
                  <Table.Td fw={500}>{doc.title}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {vocabulary.label('documentCategory', doc.category)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{vocabulary.label('retention', doc.retention)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={doc.confidentiality === 'normal' ? 'gray' : 'red'} style={{ flexShrink: 0 }}>
                      {vocabulary.label('confidentiality', doc.confidentiality)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {doc.electronic && (
                        <Group gap={4} wrap="nowrap">
                          <IconPaperclip size={14} style={{ flexShrink: 0 }} />
                          <Text size="xs" truncate="end" maw={220} title={doc.electronic.fileName}>
                            {doc.electronic.fileName}
                          </Text>
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                            {vocabulary.fileSize(doc.electronic.size)}
                          </Text>
                        </Group>
                      )}
                      {doc.location && (
                        <Group gap={4} wrap="nowrap">
                          <IconBox size={14} style={{ flexShrink: 0 }} />
                          <Text size="xs">{location(doc)}</Text>
                        </Group>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{doc.addedBy.displayName}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {labels.dateTime(doc.addedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {doc.electronic && canOpen && (
                      <Button size="compact-sm" variant="light" leftSection={<IconEye size={14} />} onClick={() => setAsking(doc)} data-testid="open-document">
                        {t('documents.open')}
                      </Button>
                    )}
                    {!doc.electronic && (
                      <Tooltip label={t('errorReason.notElectronic')}>
                        <IconArchive size={16} color="var(--mantine-color-gray-5)" />
                      </Tooltip>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <AddDocumentModal opened={adding} file={file} onClose={() => setAdding(false)} />
      <PurposeModal
        opened={asking !== null}
        subject={asking?.title ?? null}
        onCancel={() => setAsking(null)}
        onConfirm={(purpose) => {
          if (asking) setViewing({ document: asking, purpose });
          setAsking(null);
        }}
      />
      <DocumentViewer document={viewing?.document ?? null} purpose={viewing?.purpose ?? null} onClose={() => setViewing(null)} />
    </Stack>
  );
}

interface DocumentValues {
  title: string;
  category: string | null;
  archiveNo: string;
  retention: string | null;
  confidentiality: string | null;
  file: File | null;
  cabinet: string;
  shelf: string;
  box: string;
}

const FIELDS = ['title', 'category', 'archiveNo', 'retention', 'confidentiality', 'file', 'cabinet', 'shelf', 'box'] as const;

function AddDocumentModal({ opened, file, onClose }: { opened: boolean; file: CustomerFile; onClose: () => void }) {
  const { t } = useTranslation();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const add = useArchiveMutation('documents.add', { invalidates: ['customers.get', 'customers.search'] });
  const [reading, setReading] = useState(false);

  const initial = (): DocumentValues => ({
    title: '',
    category: null,
    archiveNo: '',
    retention: '30y',
    confidentiality: file.basics.confidentiality,
    file: null,
    cabinet: '',
    shelf: '',
    box: '',
  });

  const schema = contract['documents.add'].input;
  const validate = useSchemaValidator<DocumentValues>(schema, {
    read: (values, t) => {
      const errors: FormErrors = {};
      const hasLocation = [values.cabinet, values.shelf, values.box].some((v) => v.trim() !== '');
      if (values.file) {
        const mime = mimeOf(values.file);
        if (!(DOCUMENT_MIME_TYPES as readonly string[]).includes(mime)) errors.file = t('validation.document.mimeNotAllowed');
        else if (values.file.size > MAX_DOCUMENT_BYTES) errors.file = t('validation.document.tooLarge');
      } else if (!hasLocation) {
        errors.file = t('validation.documentNeedsFileOrLocation');
      }
      // The file is read only on saving: the schema checks the rest here.
      const input = {
        customerId: file.basics.id,
        category: values.category,
        title: values.title,
        archiveNo: values.archiveNo,
        retention: values.retention,
        confidentiality: values.confidentiality,
        file: null,
        location: { cabinet: values.cabinet, shelf: values.shelf, box: values.box },
      };
      return { input, errors };
    },
    rename: { location: 'cabinet', 'location.cabinet': 'cabinet', 'location.shelf': 'shelf', 'location.box': 'box' },
  });
  /** The most characters a field takes, as the contract says. */
  const max = (path: string) => schemaMaxLength(schema, path);

  const form = useForm<DocumentValues>({ initialValues: initial(), validate });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values = initial();
    setValues(values);
    resetDirty(values);
    clearErrors();
    add.reset();
  }, [opened]);

  const formRef = useRef<HTMLFormElement>(null);
  const submit = form.onSubmit(async (values) => {
    try {
      let upload = null;
      if (values.file) {
        setReading(true);
        try {
          upload = { name: values.file.name, mime: mimeOf(values.file), contentBase64: await readFileAsBase64(values.file) };
        } finally {
          setReading(false);
        }
      }
      const hasLocation = [values.cabinet, values.shelf, values.box].some((v) => v.trim() !== '');
      const saved = await add.mutateAsync({
        customerId: file.basics.id,
        category: values.category as DocumentCategory,
        title: values.title,
        archiveNo: values.archiveNo,
        retention: values.retention as '10y' | '30y' | 'permanent',
        confidentiality: values.confidentiality as 'normal' | 'secret' | 'confidential',
        file: upload,
        location: hasLocation ? { cabinet: values.cabinet, shelf: values.shelf, box: values.box } : null,
      });
      notifications.show({ color: 'green', message: t('documents.added', { archiveNo: saved.archiveNo }) });
      onClose();
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, FIELDS, {
        'file.mime': 'file',
        'file.contentBase64': 'file',
        'file.name': 'file',
        location: 'file',
        'location.cabinet': 'cabinet',
        'location.shelf': 'shelf',
        'location.box': 'box',
      });
      if (conflictField(error) === 'archiveNo') form.setFieldError('archiveNo', t('errorConflict.archiveNo'));
    }
  }, () => focusFirstInvalid(formRef.current));

  const failure =
    add.error && !(add.error.code === 'VALIDATION' && add.error.fieldIssues.length > 0) && conflictField(add.error) !== 'archiveNo' ? add.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('documents.addTitle')} size="lg" centered data-testid="document-form">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
              {errorText(failure)}
            </Alert>
          )}
          <Grid gap="sm">
            <Grid.Col span={12}>
              <TextInput label={t('documents.docTitle')} placeholder={t('documents.docTitlePlaceholder')} required maxLength={max('title')} autoComplete="off" data-autofocus {...form.getInputProps('title')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <Select
                label={t('documents.category')}
                placeholder={t('customerForm.choose')}
                data={vocabulary.documentCategoryGroups()}
                required
                searchable
                allowDeselect={false}
                maxDropdownHeight={320}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('category')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput label={t('documents.archiveNo')} placeholder={t('documents.archiveNoHint')} maxLength={max('archiveNo')} autoComplete="off" styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} {...form.getInputProps('archiveNo')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('documents.retention')}
                data={vocabulary.options('retention')}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('retention')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('documents.confidentiality')}
                data={vocabulary.options('confidentiality')}
                required
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('confidentiality')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <FileInput
                label={t('documents.file')}
                description={t('documents.fileHint')}
                placeholder={t('documents.filePlaceholder')}
                accept={ACCEPT}
                clearable
                leftSection={<IconPaperclip size={16} />}
                data-testid="document-file"
                {...form.getInputProps('file')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Text size="sm" fw={500}>
                {t('documents.location')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('documents.locationHint')}
              </Text>
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('documents.cabinet')} maxLength={max('location.cabinet')} autoComplete="off" {...form.getInputProps('cabinet')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('documents.shelf')} maxLength={max('location.shelf')} autoComplete="off" {...form.getInputProps('shelf')} />
            </Grid.Col>
            <Grid.Col span={4}>
              <TextInput label={t('documents.box')} maxLength={max('location.box')} autoComplete="off" {...form.getInputProps('box')} />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={reading || add.isPending} leftSection={<IconFileUpload size={16} />} data-testid="document-form-submit">
              {t('documents.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

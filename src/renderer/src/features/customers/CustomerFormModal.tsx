import {
  ActionIcon,
  Alert,
  Button,
  Divider,
  Grid,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
  Autocomplete,
  Input as MantineInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '../../../../shared/contract';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode, normalizeIdNumber } from '../../../../shared/domain/identifiers';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { conflictField, useErrorText } from '../../app/errors';
import { applyServerIssues, focusFirstInvalid, MONEY_PROBLEM_KEYS, schemaMaxLength, useSchemaValidator } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { ErrorState, LoadingState } from '../../app/ui/States';
import {
  changedKeyData,
  contactFields,
  CUSTOMER_FIELDS,
  CUSTOMER_RENAME,
  customerSchema,
  EMPTY_CUSTOMER,
  newContact,
  readCustomerValues,
  valuesOf,
  type CustomerKind,
  type CustomerValues,
} from './customerValues';
import { DayInput, MoneyInput } from './inputs';
import { useVocabulary } from '../../app/vocabulary';

/** Codes and account numbers are read character by character: in a monospaced face. */
const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

/** New customer (customer null) or the basics of an existing one. */
export function CustomerFormModal({ opened, customer, onClose }: { opened: boolean; customer: CustomerFile['basics'] | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const vocabulary = useVocabulary();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const editing = customer !== null;
  const departments = useArchiveQuery('departments.list', {}, { enabled: opened });
  const facets = useArchiveQuery('customers.facets', {}, { enabled: opened });
  const create = useArchiveMutation('customers.create', { invalidates: ['customers.search', 'customers.facets'] });
  const update = useArchiveMutation('customers.update', { invalidates: ['customers.search', 'customers.facets', 'customers.get'] });
  const mutation = editing ? update : create;
  const [blurred, setBlurred] = useState<{ creditCode: boolean; idNumber: boolean }>({ creditCode: false, idNumber: false });

  const schema = customerSchema(customer);
  const validate = useSchemaValidator<CustomerValues>(schema, {
    read: (values, t) => {
      const { input, capitalProblem } = readCustomerValues(values, customer);
      return { input, errors: capitalProblem ? { registeredCapital: t(MONEY_PROBLEM_KEYS[capitalProblem]) } : {} };
    },
    rename: CUSTOMER_RENAME,
  });
  /** The most characters a field takes, as the contract says. */
  const max = (field: string) => schemaMaxLength(schema, field);

  const form = useForm<CustomerValues>({ initialValues: EMPTY_CUSTOMER, validate });

  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values = customer ? valuesOf(customer) : EMPTY_CUSTOMER;
    setValues(values);
    resetDirty(values);
    clearErrors();
    setBlurred({ creditCode: false, idNumber: false });
    create.reset();
    update.reset();
  }, [opened, customer]);

  // A new customer belongs to the department of the person entering it, unless changed.
  useEffect(() => {
    if (!opened || editing || form.values.departmentId || !departments.data) return;
    const mine = departments.data.find((d) => d.name === me.departmentName);
    if (mine) form.setFieldValue('departmentId', mine.id);
  }, [opened, editing, departments.data]);

  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: labels.department(d.name, d.code) }));
  const enterprise = form.values.kind === 'enterprise';

  // Instant check of the identifier: once it is long enough, or once the field is left.
  const codeProblem = (() => {
    const code = normalizeCreditCode(form.values.creditCode);
    if (code === '' || (code.length < 18 && !blurred.creditCode)) return null;
    const problem = creditCodeProblem(code);
    return problem ? t(`validation.creditCode.${problem}`) : null;
  })();
  const idProblem = (() => {
    const id = normalizeIdNumber(form.values.idNumber);
    if (id === '' || (id.length < 18 && !blurred.idNumber)) return null;
    const problem = idNumberProblem(id);
    return problem ? t(`validation.idNumber.${problem}`) : null;
  })();
  const codeOk = enterprise ? form.values.creditCode !== '' && creditCodeProblem(form.values.creditCode) === null : form.values.idNumber !== '' && idNumberProblem(form.values.idNumber) === null;

  const formRef = useRef<HTMLFormElement>(null);
  const submit = form.onSubmit(async (values) => {
    const { input } = readCustomerValues(values, customer);
    try {
      if (customer && 'id' in input) {
        const saved = await update.mutateAsync(input);
        const reverify = saved.verification === 'pending' && changedKeyData(customer, values).length > 0;
        notifications.show({
          color: reverify ? 'orange' : 'green',
          message: reverify ? t('customerForm.updatedReverify') : t('customerForm.updated', { name: values.name.trim() }),
        });
        onClose();
      } else {
        await create.mutateAsync(input);
        notifications.show({ color: 'green', message: t('customers.created', { name: values.name.trim() }) });
        onClose();
      }
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, [...CUSTOMER_FIELDS, ...contactFields(values)], CUSTOMER_RENAME);
      const field = conflictField(error);
      if (field === 'creditCode' || field === 'idNumber') form.setFieldError(field, t(`errorConflict.${field}`));
    }
  }, () => focusFirstInvalid(formRef.current));

  const loadError = departments.error;
  const failure =
    mutation.error && !(mutation.error.code === 'VALIDATION' && mutation.error.fieldIssues.length > 0) && !['creditCode', 'idNumber'].includes(conflictField(mutation.error) ?? '')
      ? mutation.error
      : null;

  const section = (label: string) => (
    <Divider
      label={
        <Text size="sm" fw={600} c="dark">
          {label}
        </Text>
      }
      labelPosition="left"
      mt="xs"
    />
  );

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? t('customerForm.editTitle', { name: customer.name }) : t('customerForm.createTitle')}
      size={880}
      centered
      data-testid="customer-form"
    >
      {loadError ? (
        <ErrorState error={loadError} onRetry={() => void departments.refetch()} />
      ) : departments.isPending ? (
        <LoadingState />
      ) : (
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            {failure && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
                {errorText(failure)}
              </Alert>
            )}
            {editing && (
              <Alert color="orange" variant="light" icon={<IconAlertCircle size={18} />} py="xs">
                <Text size="sm">{t('customerForm.keyDataNote')}</Text>
              </Alert>
            )}
            {section(t('customerForm.sections.identity'))}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <MantineInput.Wrapper label={t('customerForm.kind')} required>
                  <SegmentedControl
                    fullWidth
                    data={vocabulary.options('kind')}
                    value={form.values.kind}
                    onChange={(value) => form.setFieldValue('kind', value as CustomerKind)}
                    aria-label={t('customerForm.kind')}
                  />
                </MantineInput.Wrapper>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <TextInput label={t('customerForm.name')} placeholder={t('customerForm.namePlaceholder')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {enterprise ? (
                  <TextInput
                    label={t('customerForm.creditCode')}
                    description={t('customerForm.creditCodeHint')}
                    required
                    autoComplete="off"
                    maxLength={max('creditCode')}
                    styles={MONOSPACE}
                    {...form.getInputProps('creditCode')}
                    error={form.errors.creditCode ?? codeProblem}
                    onBlur={() => setBlurred((b) => ({ ...b, creditCode: true }))}
                    rightSection={
                      codeOk ? (
                        <Tooltip label={t('customerForm.creditCodeOk')}>
                          <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-label={t('customerForm.creditCodeOk')} />
                        </Tooltip>
                      ) : undefined
                    }
                  />
                ) : (
                  <TextInput
                    label={t('customerForm.idNumber')}
                    description={t('customerForm.idNumberHint')}
                    required
                    autoComplete="off"
                    maxLength={max('idNumber')}
                    styles={MONOSPACE}
                    {...form.getInputProps('idNumber')}
                    error={form.errors.idNumber ?? idProblem}
                    onBlur={() => setBlurred((b) => ({ ...b, idNumber: true }))}
                    rightSection={
                      codeOk ? (
                        <Tooltip label={t('customerForm.creditCodeOk')}>
                          <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-label={t('customerForm.creditCodeOk')} />
                        </Tooltip>
                      ) : undefined
                    }
                  />
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Autocomplete
                  label={t('customerForm.industry')}
                  description={'\u00a0'}
                  placeholder={t('customerForm.industryPlaceholder')}
                  data={facets.data?.industries ?? []}
                  maxLength={max('industry')}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('industry')}
                />
              </Grid.Col>
            </Grid>

            {section(t('customerForm.sections.company'))}
            <Grid gap="sm">
              {enterprise && (
                <>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <Select
                      label={t('customerForm.enterpriseNature')}
                      placeholder={t('customerForm.choose')}
                      data={vocabulary.options('nature')}
                      clearable
                      comboboxProps={{ withinPortal: true }}
                      {...form.getInputProps('enterpriseNature')}
                    />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <MoneyInput label={t('customerForm.registeredCapital')} {...form.getInputProps('registeredCapital')} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, sm: 4 }}>
                    <TextInput label={t('customerForm.legalRepresentative')} maxLength={max('legalRepresentative')} autoComplete="off" {...form.getInputProps('legalRepresentative')} />
                  </Grid.Col>
                </>
              )}
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customerForm.personInCharge')} maxLength={max('personInCharge')} autoComplete="off" {...form.getInputProps('personInCharge')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label={t('customerForm.serviceType')}
                  placeholder={t('customerForm.choose')}
                  data={vocabulary.options('serviceType')}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('serviceType')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <DayInput label={t('customerForm.cooperationStart')} {...form.getInputProps('cooperationStart')} />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput label={t('customerForm.address')} maxLength={max('address')} autoComplete="off" {...form.getInputProps('address')} />
              </Grid.Col>
            </Grid>

            {section(t('customerForm.sections.bank'))}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('customerForm.bankName')} maxLength={max('bankName')} autoComplete="off" {...form.getInputProps('bankName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('customerForm.bankAccount')} maxLength={max('bankAccount')} autoComplete="off" styles={MONOSPACE} inputMode="numeric" {...form.getInputProps('bankAccount')} />
              </Grid.Col>
            </Grid>

            {section(t('customerForm.sections.management'))}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  label={t('customerForm.department')}
                  placeholder={t('customerForm.departmentPlaceholder')}
                  data={departmentOptions}
                  required
                  searchable
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('departmentId')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <MantineInput.Wrapper label={t('customerForm.confidentiality')} required>
                  <SegmentedControl
                    fullWidth
                    data={vocabulary.options('confidentiality')}
                    value={form.values.confidentiality}
                    onChange={(value) => form.setFieldValue('confidentiality', value)}
                    aria-label={t('customerForm.confidentiality')}
                  />
                </MantineInput.Wrapper>
              </Grid.Col>
            </Grid>

            {!editing && (
              <>
                {section(t('customerForm.sections.contacts'))}
                <Text size="xs" c="dimmed">
                  {t('customerForm.contactsHint')}
                </Text>
                {form.values.contacts.map((contact, index) => (
                  <Grid gap="sm" key={contact.key} align="flex-start" columns={24}>
                    <Grid.Col span={{ base: 24, sm: 6 }}>
                      <Select
                        label={t('customerForm.contactRole')}
                        data={vocabulary.options('contactRole')}
                        allowDeselect={false}
                        comboboxProps={{ withinPortal: true }}
                        {...form.getInputProps(`contacts.${index}.role`)}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 24, sm: 5 }}>
                      <TextInput label={t('customerForm.contactName')} required maxLength={max(`contacts.${index}.name`)} autoComplete="off" {...form.getInputProps(`contacts.${index}.name`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 24, sm: 6 }}>
                      <TextInput label={t('customerForm.contactPhone')} maxLength={max(`contacts.${index}.phone`)} autoComplete="off" {...form.getInputProps(`contacts.${index}.phone`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 20, sm: 6 }}>
                      <TextInput label={t('customerForm.contactEmail')} maxLength={max(`contacts.${index}.email`)} autoComplete="off" {...form.getInputProps(`contacts.${index}.email`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 4, sm: 1 }}>
                      <Tooltip label={t('customerForm.removeContact')}>
                        <ActionIcon variant="subtle" color="red" mt={28} aria-label={t('customerForm.removeContact')} onClick={() => form.removeListItem('contacts', index)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Grid.Col>
                  </Grid>
                ))}
                <Group>
                  <Button
                    variant="light"
                    size="xs"
                    leftSection={<IconPlus size={14} />}
                    disabled={form.values.contacts.length >= 20}
                    onClick={() => form.insertListItem('contacts', newContact(crypto.randomUUID(), form.values.contacts.length))}
                  >
                    {t('customerForm.addContact')}
                  </Button>
                </Group>
              </>
            )}

            <Group justify="flex-end" mt="md">
              <Button variant="default" onClick={onClose}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending} data-testid="customer-form-submit">
                {editing ? t('app.save') : t('customerForm.submitCreate')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

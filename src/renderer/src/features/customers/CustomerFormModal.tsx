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
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type CustomerFile } from '../../../../shared/contract';
import type { CONFIDENTIALITY_LEVELS, CONTACT_ROLES, CUSTOMER_KINDS, ENTERPRISE_NATURES, SERVICE_TYPES } from '../../../../shared/domain/customers';
import { creditCodeProblem, idNumberProblem, normalizeCreditCode, normalizeIdNumber } from '../../../../shared/domain/identifiers';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { useCurrentUser } from '../../api/session';
import { conflictField, useErrorText } from '../../app/errors';
import { applyServerIssues, focusFirstInvalid, issueText } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { ErrorState, LoadingState } from '../../app/ui/States';
import { DayInput, MoneyInput } from './inputs';
import { fenToYuanText, parseYuan } from '../../../../shared/domain/money';
import { useVocabulary } from '../../app/vocabulary';

type Kind = (typeof CUSTOMER_KINDS)[number];

/** Codes and account numbers are read character by character: in a monospaced face. */
const MONOSPACE = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

interface ContactValues {
  key: string;
  role: (typeof CONTACT_ROLES)[number];
  name: string;
  phone: string;
  email: string;
}

interface CustomerValues {
  kind: Kind;
  name: string;
  creditCode: string;
  idNumber: string;
  enterpriseNature: string | null;
  registeredCapital: string;
  legalRepresentative: string;
  personInCharge: string;
  address: string;
  bankName: string;
  bankAccount: string;
  industry: string;
  serviceType: string | null;
  cooperationStart: string | null;
  departmentId: string | null;
  confidentiality: string;
  contacts: ContactValues[];
}

const FIELDS = [
  'kind',
  'name',
  'creditCode',
  'idNumber',
  'enterpriseNature',
  'registeredCapital',
  'legalRepresentative',
  'personInCharge',
  'address',
  'bankName',
  'bankAccount',
  'industry',
  'serviceType',
  'cooperationStart',
  'departmentId',
  'confidentiality',
] as const;

const EMPTY: CustomerValues = {
  kind: 'enterprise',
  name: '',
  creditCode: '',
  idNumber: '',
  enterpriseNature: null,
  registeredCapital: '',
  legalRepresentative: '',
  personInCharge: '',
  address: '',
  bankName: '',
  bankAccount: '',
  industry: '',
  serviceType: null,
  cooperationStart: null,
  departmentId: null,
  confidentiality: 'normal',
  contacts: [],
};

function valuesOf(basics: CustomerFile['basics']): CustomerValues {
  return {
    kind: basics.kind,
    name: basics.name,
    creditCode: basics.creditCode ?? '',
    idNumber: basics.idNumber ?? '',
    enterpriseNature: basics.enterpriseNature,
    registeredCapital: basics.registeredCapitalFen === null ? '' : fenToYuanText(basics.registeredCapitalFen),
    legalRepresentative: basics.legalRepresentative ?? '',
    personInCharge: basics.personInCharge ?? '',
    address: basics.address ?? '',
    bankName: basics.bankName ?? '',
    bankAccount: basics.bankAccount ?? '',
    industry: basics.industry ?? '',
    serviceType: basics.serviceType,
    cooperationStart: basics.cooperationStart,
    departmentId: basics.departmentId,
    confidentiality: basics.confidentiality,
    contacts: [],
  };
}

const MONEY_KEYS = {
  invalid: 'validation.money',
  decimals: 'validation.moneyDecimals',
  negative: 'validation.moneyNegative',
  tooLarge: 'validation.moneyTooLarge',
} as const;

/** The form's values as the contract's input; money is parsed from the yuan typed. */
function inputOf(values: CustomerValues) {
  const enterprise = values.kind === 'enterprise';
  const capital = enterprise ? parseYuan(values.registeredCapital) : null;
  const input = {
    kind: values.kind,
    name: values.name,
    creditCode: enterprise ? values.creditCode : null,
    idNumber: enterprise ? null : values.idNumber,
    enterpriseNature: enterprise ? (values.enterpriseNature as (typeof ENTERPRISE_NATURES)[number] | null) : null,
    registeredCapitalFen: capital && capital.ok ? capital.fen : null,
    legalRepresentative: enterprise ? values.legalRepresentative : null,
    personInCharge: values.personInCharge,
    address: values.address,
    bankName: values.bankName,
    bankAccount: values.bankAccount,
    industry: values.industry,
    serviceType: values.serviceType as (typeof SERVICE_TYPES)[number] | null,
    cooperationStart: values.cooperationStart || null,
    departmentId: values.departmentId ?? '',
    confidentiality: values.confidentiality as (typeof CONFIDENTIALITY_LEVELS)[number],
  };
  return { input, capitalProblem: capital && !capital.ok ? capital.problem : null };
}

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

  const validate = useMemo(
    () =>
      (values: CustomerValues): FormErrors => {
        const errors: FormErrors = {};
        const { input, capitalProblem } = inputOf(values);
        if (capitalProblem) errors.registeredCapital = t(MONEY_KEYS[capitalProblem]);
        const schema = editing ? contract['customers.update'].input : contract['customers.create'].input;
        const contacts = values.contacts.map(({ key: _key, ...contact }) => contact);
        const result = schema.safeParse(editing ? { id: customer.id, ...input } : { ...input, contacts }, { reportInput: true });
        if (!result.success) {
          for (const issue of result.error.issues) {
            const path = issue.path.map(String);
            const key = path[0] === 'registeredCapitalFen' ? 'registeredCapital' : path.join('.');
            if (!(key in errors)) errors[key] = issueText(t, issue as unknown as Parameters<typeof issueText>[1]);
          }
        }
        return errors;
      },
    [t, editing, customer],
  );

  const form = useForm<CustomerValues>({ initialValues: EMPTY, validate });

  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values = customer ? valuesOf(customer) : EMPTY;
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
    const { input } = inputOf(values);
    try {
      if (customer) {
        const saved = await update.mutateAsync({ id: customer.id, ...input });
        const reverify = saved.verification === 'pending' && keyDataChanged(customer, values);
        notifications.show({
          color: reverify ? 'orange' : 'green',
          message: reverify ? t('customerForm.updatedReverify') : t('customerForm.updated', { name: values.name.trim() }),
        });
        onClose();
      } else {
        const contacts = values.contacts.map(({ key: _key, ...contact }) => contact);
        await create.mutateAsync({ ...input, contacts });
        notifications.show({ color: 'green', message: t('customers.created', { name: values.name.trim() }) });
        onClose();
      }
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, [...FIELDS, ...values.contacts.flatMap((_, i) => ['name', 'phone', 'email', 'role'].map((f) => `contacts.${i}.${f}`))], {
        registeredCapitalFen: 'registeredCapital',
      });
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
                    onChange={(value) => form.setFieldValue('kind', value as Kind)}
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
                    maxLength={40}
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
                    maxLength={40}
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
                  maxLength={50}
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
                    <TextInput label={t('customerForm.legalRepresentative')} maxLength={50} autoComplete="off" {...form.getInputProps('legalRepresentative')} />
                  </Grid.Col>
                </>
              )}
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <TextInput label={t('customerForm.personInCharge')} maxLength={50} autoComplete="off" {...form.getInputProps('personInCharge')} />
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
                <TextInput label={t('customerForm.address')} maxLength={200} autoComplete="off" {...form.getInputProps('address')} />
              </Grid.Col>
            </Grid>

            {section(t('customerForm.sections.bank'))}
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('customerForm.bankName')} maxLength={100} autoComplete="off" {...form.getInputProps('bankName')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('customerForm.bankAccount')} maxLength={40} autoComplete="off" styles={MONOSPACE} inputMode="numeric" {...form.getInputProps('bankAccount')} />
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
                      <TextInput label={t('customerForm.contactName')} required maxLength={50} autoComplete="off" {...form.getInputProps(`contacts.${index}.name`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 24, sm: 6 }}>
                      <TextInput label={t('customerForm.contactPhone')} maxLength={30} autoComplete="off" {...form.getInputProps(`contacts.${index}.phone`)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 20, sm: 6 }}>
                      <TextInput label={t('customerForm.contactEmail')} maxLength={120} autoComplete="off" {...form.getInputProps(`contacts.${index}.email`)} />
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
                    onClick={() =>
                      form.insertListItem('contacts', {
                        key: crypto.randomUUID(),
                        role: form.values.contacts.length === 0 ? 'finance' : 'business',
                        name: '',
                        phone: '',
                        email: '',
                      })
                    }
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

/** Whether the key data that needs a second person's confirmation changed. */
function keyDataChanged(before: CustomerFile['basics'], after: CustomerValues): boolean {
  const enterprise = after.kind === 'enterprise';
  return (
    before.name !== after.name.trim() ||
    (before.creditCode ?? '') !== (enterprise ? normalizeCreditCode(after.creditCode) : '') ||
    (before.idNumber ?? '') !== (enterprise ? '' : normalizeIdNumber(after.idNumber)) ||
    (before.bankName ?? '') !== after.bankName.trim() ||
    (before.bankAccount ?? '') !== after.bankAccount.replace(/[\s-]/g, '')
  );
}

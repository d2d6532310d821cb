import { Alert, Button, Grid, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { contract as methods, type CustomerFile, type MethodName } from '../../../../shared/contract';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { useArchiveQuery } from '../../api/hooks';
import { conflictField, useErrorText } from '../../app/errors';
import { applyServerIssues, focusFirstInvalid, MONEY_PROBLEM_KEYS, schemaMaxLength, useSchemaValidator } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { DayInput, MoneyInput } from './inputs';
import { parseYuan, type YuanProblem } from '../../../../shared/domain/money';
import { useVocabulary, type Option, type VocabularyList } from '../../app/vocabulary';
import { inForceOnly } from '../../../../shared/domain/voiding';

// The add forms of every record kind of a customer file, described as fields: the names
// are the contract's input fields, so the contract's own schema validates the form and
// the host's field issues land on the right input.

export type RecordKind = 'contact' | 'qualification' | 'contract' | 'transaction' | 'payment' | 'creditEvent' | 'feedback' | 'creditReport';

const METHOD = {
  contact: 'records.addContact',
  qualification: 'records.addQualification',
  contract: 'records.addContract',
  transaction: 'records.addTransaction',
  payment: 'records.addPayment',
  creditEvent: 'records.addCreditEvent',
  feedback: 'records.addFeedback',
  creditReport: 'records.addCreditReport',
} as const satisfies Record<RecordKind, MethodName>;

type FieldSpec =
  | { name: string; type: 'text'; required?: boolean; hint?: string; placeholder?: string; span?: number }
  | { name: string; type: 'textarea'; required?: boolean; span?: number }
  | { name: string; type: 'select'; list: VocabularyList; required?: boolean; initial?: string; span?: number }
  | { name: string; type: 'department'; required: true; span?: number }
  | { name: string; type: 'contract'; span?: number }
  | { name: string; type: 'date'; required?: boolean; span?: number }
  | { name: string; type: 'money'; required?: boolean; span?: number }
  | { name: string; type: 'score'; span?: number; when?: (values: Values) => boolean };

type Values = Record<string, string | null>;

const FIELDS: Record<RecordKind, FieldSpec[]> = {
  contact: [
    { name: 'role', type: 'select', list: 'contactRole', required: true, initial: 'business' },
    { name: 'name', type: 'text', required: true },
    { name: 'phone', type: 'text' },
    { name: 'email', type: 'text' },
  ],
  qualification: [
    { name: 'kind', type: 'select', list: 'qualification', required: true, span: 12 },
    { name: 'number', type: 'text' },
    { name: 'issuer', type: 'text' },
    { name: 'level', type: 'text' },
    { name: 'validFrom', type: 'date' },
    { name: 'validTo', type: 'date' },
  ],
  contract: [
    { name: 'title', type: 'text', required: true, span: 12 },
    { name: 'contractNo', type: 'text', hint: 'records.contract.contractNoHint' },
    { name: 'departmentId', type: 'department', required: true },
    { name: 'amountFen', type: 'money', required: true },
    { name: 'signedOn', type: 'date', required: true },
    { name: 'startOn', type: 'date' },
    { name: 'endOn', type: 'date' },
    { name: 'status', type: 'select', list: 'contractStatus', required: true, initial: 'active' },
  ],
  transaction: [
    { name: 'kind', type: 'select', list: 'transactionKind', required: true, initial: 'sale' },
    { name: 'docNo', type: 'text' },
    { name: 'amountFen', type: 'money', required: true },
    { name: 'contractId', type: 'contract' },
    { name: 'occurredOn', type: 'date', required: true },
    { name: 'dueOn', type: 'date' },
  ],
  payment: [
    { name: 'amountFen', type: 'money', required: true },
    { name: 'paidOn', type: 'date', required: true },
    { name: 'ref', type: 'text' },
    { name: 'contractId', type: 'contract' },
  ],
  creditEvent: [
    { name: 'kind', type: 'select', list: 'creditEvent', required: true },
    { name: 'occurredOn', type: 'date', required: true },
    { name: 'title', type: 'text', required: true, span: 12 },
    { name: 'detail', type: 'textarea', span: 12 },
    { name: 'amountFen', type: 'money' },
    { name: 'source', type: 'text', placeholder: 'records.creditEvent.sourcePlaceholder' },
  ],
  feedback: [
    { name: 'kind', type: 'select', list: 'feedbackKind', required: true, initial: 'complaint' },
    { name: 'occurredOn', type: 'date', required: true },
    { name: 'score', type: 'score', when: (values) => values.kind === 'satisfaction' },
    { name: 'content', type: 'textarea', required: true, span: 12 },
  ],
  creditReport: [
    { name: 'agency', type: 'text', required: true, placeholder: 'records.creditReport.agencyPlaceholder' },
    { name: 'reportNo', type: 'text' },
    { name: 'issuedOn', type: 'date', required: true },
    { name: 'rating', type: 'text' },
    { name: 'summary', type: 'textarea', span: 12 },
  ],
};

/**
 * Days that must not come before another (start and end, sale and due date). The schema
 * checks these too, but only once every field parses; here they are shown at once.
 */
const DAY_ORDER: Partial<Record<RecordKind, [string, string][]>> = {
  qualification: [['validFrom', 'validTo']],
  contract: [['startOn', 'endOn']],
  transaction: [['occurredOn', 'dueOn']],
};

/** Labels of fields whose translation key is not `records.<kind>.<name>`. */
const LABEL_KEYS: Partial<Record<string, string>> = {
  amountFen: 'amountInput',
  departmentId: 'department',
  contractId: 'contract',
};

function initialValues(kind: RecordKind, customer: CustomerFile['basics']): Values {
  const values: Values = {};
  for (const field of FIELDS[kind]) {
    if (field.type === 'select') values[field.name] = field.initial ?? null;
    else if (field.type === 'department') values[field.name] = customer.departmentId;
    else if (field.type === 'date' || field.type === 'contract' || field.type === 'score') values[field.name] = null;
    else values[field.name] = '';
  }
  return values;
}

/**
 * The form's values as the method's input; money is read from yuan text to fen. Returns
 * the problems of amounts typed wrong as translation keys.
 */
function inputOf(kind: RecordKind, customerId: string, values: Values): { input: Record<string, unknown>; errors: Record<string, (typeof MONEY_PROBLEM_KEYS)[YuanProblem]> } {
  const input: Record<string, unknown> = { customerId };
  const errors: Record<string, (typeof MONEY_PROBLEM_KEYS)[YuanProblem]> = {};
  for (const field of FIELDS[kind]) {
    const value = values[field.name] ?? null;
    switch (field.type) {
      case 'money': {
        const parsed = parseYuan(value ?? '');
        if (parsed && !parsed.ok) errors[field.name] = MONEY_PROBLEM_KEYS[parsed.problem];
        // A malformed amount has its message already; a stand-in lets the schema check the rest.
        input[field.name] = parsed ? (parsed.ok ? parsed.fen : 1) : null;
        break;
      }
      case 'score':
        input[field.name] = field.when && !field.when(values) ? null : value === null ? null : Number(value);
        break;
      case 'date':
      case 'contract':
        input[field.name] = value || null;
        break;
      case 'department':
        input[field.name] = value ?? '';
        break;
      default:
        input[field.name] = value;
    }
  }
  return { input, errors };
}

export function RecordFormModal({
  kind,
  file,
  onClose,
}: {
  /** The kind of record to add; null: the dialog is closed. */
  kind: RecordKind | null;
  file: CustomerFile;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const opened = kind !== null;
  const shown = kind ?? 'contact';
  const vocabulary = useVocabulary();
  const labels = useLabels();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const departments = useArchiveQuery('departments.list', {}, { enabled: opened && shown === 'contract' });
  const customerId = file.basics.id;

  const add = useMutation<unknown, ApiError, Record<string, unknown>>({
    mutationFn: (input) => call(METHOD[shown], input as never),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['customers.get'] }),
        queryClient.invalidateQueries({ queryKey: ['customers.search'] }),
      ]);
    },
  });

  const schema = methods[METHOD[shown]].input;
  const validate = useSchemaValidator<Values>(schema, {
    read: (values, t) => {
      const { input, errors: problems } = inputOf(shown, customerId, values);
      const errors: FormErrors = Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]));
      // The schema checks the order of days too, but only once every field parses; here it is shown at once.
      for (const [from, to] of DAY_ORDER[shown] ?? []) {
        const start = values[from];
        const end = values[to];
        if (start && end && end < start) errors[to] = t('validation.dateOrder');
      }
      return { input, errors };
    },
  });

  const form = useForm<Values>({ initialValues: initialValues(shown, file.basics), validate });
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!kind) return;
    const values = initialValues(kind, file.basics);
    setValues(values);
    resetDirty(values);
    clearErrors();
    add.reset();
  }, [kind]);

  // A voided contract takes no new sales or payments.
  const contractOptions: Option[] = inForceOnly(file.contracts).map((c) => ({ value: c.id, label: `${c.contractNo} · ${c.title}` }));
  const departmentOptions: Option[] = (departments.data ?? []).map((d) => ({ value: d.id, label: labels.department(d.name, d.code) }));

  const formRef = useRef<HTMLFormElement>(null);
  const submit = form.onSubmit(async (values) => {
    const { input } = inputOf(shown, customerId, values);
    try {
      const result = await add.mutateAsync(input);
      const contractNo = shown === 'contract' && result && typeof result === 'object' && 'contractNo' in result ? String(result.contractNo) : null;
      notifications.show({ color: 'green', message: contractNo ? t('records.contract.added', { contractNo }) : t('records.saved') });
      onClose();
    } catch (error) {
      applyServerIssues(
        t,
        error,
        form.setFieldError,
        FIELDS[shown].map((field) => field.name),
      );
      const field = conflictField(error);
      if (field === 'contractNo') form.setFieldError('contractNo', t('errorConflict.contractNo'));
    }
  }, () => focusFirstInvalid(formRef.current));

  const label = (name: string) => t(`records.${shown}.${LABEL_KEYS[name] ?? name}` as 'records.contact.name');
  const failure =
    add.error && !(add.error.code === 'VALIDATION' && add.error.fieldIssues.length > 0) && conflictField(add.error) !== 'contractNo' ? add.error : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t(`records.${shown}.add`)} size="lg" centered data-testid={`record-form-${shown}`}>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
              {errorText(failure)}
            </Alert>
          )}
          <Grid gap="sm">
            {FIELDS[shown].map((field) => {
              if (field.type === 'score' && field.when && !field.when(form.values)) return null;
              const common = { label: label(field.name), ...form.getInputProps(field.name) };
              const required = 'required' in field ? field.required : false;
              let input;
              switch (field.type) {
                case 'text':
                  input = (
                    <TextInput
                      {...common}
                      required={required}
                      maxLength={schemaMaxLength(schema, field.name)}
                      autoComplete="off"
                      description={field.hint ? t(field.hint as 'records.contract.contractNoHint') : undefined}
                      placeholder={field.placeholder ? t(field.placeholder as 'records.creditEvent.sourcePlaceholder') : undefined}
                      value={form.values[field.name] ?? ''}
                    />
                  );
                  break;
                case 'textarea':
                  input = <Textarea {...common} required={required} maxLength={schemaMaxLength(schema, field.name)} autosize minRows={3} maxRows={8} value={form.values[field.name] ?? ''} />;
                  break;
                case 'select':
                  input = (
                    <Select
                      {...common}
                      required={required}
                      data={vocabulary.options(field.list)}
                      allowDeselect={!required}
                      placeholder={t('customerForm.choose')}
                      comboboxProps={{ withinPortal: true }}
                    />
                  );
                  break;
                case 'department':
                  input = <Select {...common} required data={departmentOptions} searchable allowDeselect={false} comboboxProps={{ withinPortal: true }} />;
                  break;
                case 'contract':
                  input = (
                    <Select
                      {...common}
                      data={contractOptions}
                      clearable
                      searchable
                      placeholder={t(`records.${shown as 'payment'}.contractPlaceholder`)}
                      disabled={contractOptions.length === 0}
                      comboboxProps={{ withinPortal: true }}
                    />
                  );
                  break;
                case 'date':
                  input = <DayInput {...common} required={required} />;
                  break;
                case 'money':
                  input = <MoneyInput {...common} required={required} value={form.values[field.name] ?? ''} />;
                  break;
                case 'score':
                  input = (
                    <Select
                      {...common}
                      required
                      description={t('records.feedback.scoreHint')}
                      data={['1', '2', '3', '4', '5']}
                      comboboxProps={{ withinPortal: true }}
                    />
                  );
                  break;
              }
              return (
                <Grid.Col key={field.name} span={{ base: 12, sm: field.span ?? 6 }}>
                  {input}
                </Grid.Col>
              );
            })}
          </Grid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="record-form-submit">
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

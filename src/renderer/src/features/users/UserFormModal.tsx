import { Alert, Button, Group, Modal, MultiSelect, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type User } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useArchiveMutation, useArchiveQuery } from '../../api/hooks';
import { session, useCurrentUser } from '../../api/session';
import { useErrorText } from '../../app/errors';
import { applyServerIssues, useSchemaValidator } from '../../app/forms';
import { useLabels } from '../../app/labels';
import { PasswordStrength } from '../../app/ui/PasswordStrength';
import { ErrorState, LoadingState } from '../../app/ui/States';

interface UserValues {
  username: string;
  displayName: string;
  departmentId: string | null;
  roleIds: string[];
  password: string;
}

// The contract's own input schemas; the form carries fields of both, so unknown keys pass here.
const createSchema = z.object(contract['users.create'].input.shape);
const editSchema = z.object(contract['users.update'].input.shape).omit({ id: true });
const FIELDS = ['username', 'displayName', 'departmentId', 'roleIds', 'password'] as const;
const EMPTY: UserValues = { username: '', displayName: '', departmentId: null, roleIds: [], password: '' };

/** Creates a user, or edits one (`user` given): name, department, roles. */
export function UserFormModal({ opened, user, onClose }: { opened: boolean; user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const editing = user !== null;
  const departments = useArchiveQuery('departments.list', {}, { enabled: opened });
  const roles = useArchiveQuery('roles.list', {}, { enabled: opened });
  const validate = useSchemaValidator<UserValues>(editing ? editSchema : createSchema);
  const form = useForm<UserValues>({ initialValues: EMPTY, validate });
  const create = useArchiveMutation('users.create', { invalidates: ['users.list', 'roles.list'] });
  const update = useArchiveMutation('users.update', { invalidates: ['users.list', 'roles.list'] });
  const mutation = editing ? update : create;

  // Fill the form each time the dialog opens, for the user it opens on.
  const { setValues, resetDirty, clearErrors } = form;
  useEffect(() => {
    if (!opened) return;
    const values: UserValues = user
      ? { username: user.username, displayName: user.displayName, departmentId: user.departmentId, roleIds: [...user.roleIds], password: '' }
      : EMPTY;
    setValues(values);
    resetDirty(values);
    clearErrors();
    create.reset();
    update.reset();
  }, [opened, user]);

  const departmentOptions = useMemo(
    () => (departments.data ?? []).map((department) => ({ value: department.id, label: labels.department(department.name, department.code) })),
    [departments.data, labels],
  );
  const roleOptions = useMemo(
    () => (roles.data ?? []).map((role) => ({ value: role.id, label: labels.role(role.name, role.code) })),
    [roles.data, labels],
  );

  const submit = form.onSubmit(async (values) => {
    try {
      const departmentId = values.departmentId ?? '';
      const saved = user
        ? await update.mutateAsync({ id: user.id, displayName: values.displayName, departmentId, roleIds: values.roleIds })
        : await create.mutateAsync({
            username: values.username,
            displayName: values.displayName,
            departmentId,
            roleIds: values.roleIds,
            password: values.password,
          });
      notifications.show({
        color: 'green',
        message: user ? t('users.form.updated', { name: saved.displayName }) : t('users.form.created', { name: saved.displayName }),
      });
      onClose();
      // Editing oneself (department, roles): the header and navigation follow at once.
      if (saved.id === me.id) session.update(await call('auth.me', {}));
    } catch (error) {
      applyServerIssues(t, error, form.setFieldError, FIELDS);
    }
  });

  const loading = departments.isPending || roles.isPending;
  const loadError = departments.error ?? roles.error;
  const failure = mutation.error && !(mutation.error.code === 'VALIDATION' && mutation.error.fieldIssues.length > 0) ? mutation.error : null;

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={user ? t('users.form.editTitle', { name: user.displayName }) : t('users.form.createTitle')}
      size="lg"
      centered
    >
      {loadError ? (
        <ErrorState error={loadError} onRetry={() => void Promise.all([departments.refetch(), roles.refetch()])} />
      ) : loading ? (
        <LoadingState />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            {failure && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertCircle size={18} />}>
                {errorText(failure)}
              </Alert>
            )}
            <Group grow align="flex-start">
              <TextInput
                label={t('users.form.username')}
                description={t('users.form.usernameHint')}
                required={!editing}
                disabled={editing}
                autoComplete="off"
                data-autofocus={!editing || undefined}
                {...form.getInputProps('username')}
              />
              <TextInput label={t('users.form.displayName')} description={'\u00a0'} required autoComplete="off" {...form.getInputProps('displayName')} />
            </Group>
            <Select
              label={t('users.form.department')}
              placeholder={t('users.form.departmentPlaceholder')}
              data={departmentOptions}
              required
              searchable
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('departmentId')}
            />
            <MultiSelect
              label={t('users.form.roles')}
              placeholder={form.values.roleIds.length === 0 ? t('users.form.rolesPlaceholder') : undefined}
              data={roleOptions}
              required
              searchable
              comboboxProps={{ withinPortal: true }}
              {...form.getInputProps('roleIds')}
            />
            {!editing && (
              <>
                <PasswordInput
                  label={t('users.form.password')}
                  description={t('users.form.passwordHint')}
                  required
                  autoComplete="new-password"
                  {...form.getInputProps('password')}
                />
                <PasswordStrength password={form.values.password} userInputs={[form.values.username, form.values.displayName]} />
              </>
            )}
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={onClose}>
                {t('app.cancel')}
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {editing ? t('app.save') : t('users.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

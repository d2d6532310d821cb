import { Alert, Button } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../api/session';
import { AuthFrame } from '../../app/ui/AuthFrame';
import { logout } from './actions';
import { ChangePasswordForm } from './ChangePasswordForm';

/** A user whose password an administrator set must choose their own before anything else. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <AuthFrame title={t('changePassword.forcedTitle')} width={500}>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
        {t('changePassword.forcedIntro', { name: `${user.displayName} (${user.username})` })}
      </Alert>
      <ChangePasswordForm
        extraAction={
          <Button variant="subtle" color="gray" onClick={() => void logout()}>
            {t('changePassword.logout')}
          </Button>
        }
      />
    </AuthFrame>
  );
}

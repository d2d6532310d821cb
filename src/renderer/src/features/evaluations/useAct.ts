import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EvaluationActInput, EvaluationDetail } from '../../../../shared/contract/evaluations';
import { call } from '../../api/client';
import type { ApiError } from '../../api/errors';
import { queryKey } from '../../api/hooks';
import { useErrorText } from '../../app/errors';

/**
 * One step of the lifecycle from the evaluation page: the host answers with the detail as
 * the caller may now see it, which replaces the one shown. A refusal is thrown to the
 * caller (a form shows it under its fields) after a notification in the user's words.
 */
export function useAct(evaluationId: string, purpose: string) {
  const client = useQueryClient();
  const errorText = useErrorText();
  const mutation = useMutation<EvaluationDetail, ApiError, EvaluationActInput>({
    mutationFn: (action) => call('evaluations.act', { evaluationId, action }),
    onSuccess: async (detail) => {
      client.setQueryData(queryKey('evaluations.get', { evaluationId, purpose }), detail);
      await Promise.all(['evaluations.list', 'customers.get', 'creditLimits.history', 'approvals.get', 'approvals.inbox', 'approvals.inboxCount', 'evaluations.due'].map((name) => client.invalidateQueries({ queryKey: [name] })));
    },
  });
  const run = async (action: EvaluationActInput, done?: string): Promise<boolean> => {
    try {
      await mutation.mutateAsync(action);
      if (done) notifications.show({ color: 'green', message: done });
      return true;
    } catch (error) {
      notifications.show({ color: 'red', message: errorText(error), autoClose: 8000 });
      return false;
    }
  };
  return { run, pending: mutation.isPending };
}

import {
  QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationResult,
  type UseQueryResult,
} from '@tanstack/react-query';
import type { Input, MethodName, Output } from '../../../shared/contract';
import { call } from './client';
import { ApiError } from './errors';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An answer from the host is definitive; only a broken transport is worth a retry.
        retry: (failures, error) => !(error instanceof ApiError && !error.transport) && failures < 2,
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}

/** The query key of a method: its name first, so a whole method can be invalidated. */
export function queryKey<M extends MethodName>(method: M, input?: Input<M>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

export function useArchiveQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: { enabled?: boolean; staleTime?: number } = {},
): UseQueryResult<Output<M>, ApiError> {
  return useQuery<Output<M>, ApiError>({
    queryKey: queryKey(method, input),
    queryFn: () => call(method, input),
    enabled: options.enabled ?? true,
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
  });
}

export function useArchiveMutation<M extends MethodName>(
  method: M,
  options: { invalidates?: readonly MethodName[] } = {},
): UseMutationResult<Output<M>, ApiError, Input<M>> {
  const client = useQueryClient();
  return useMutation<Output<M>, ApiError, Input<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async () => {
      await Promise.all((options.invalidates ?? []).map((name) => client.invalidateQueries({ queryKey: [name] })));
    },
  });
}

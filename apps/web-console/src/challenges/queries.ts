import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { Challenge, ChallengePage, ChallengeTransition } from '../api/responses';
import type { paths } from '../api/generated/challenge';

/** The create request exactly as the challenge-service document declares it. */
export type ChallengeDraft = paths['/api/v1/challenges']['post']['requestBody']['content']['application/json'];

const KEY = ['challenges'] as const;

export function useChallenges(query: { status?: string; page: number; pageSize: number }, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap<ChallengePage>(api.challenge.GET('/api/v1/challenges', { params: { query } })),
  });
}

export function useChallenge(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...KEY, id],
    queryFn: () => unwrap<Challenge>(api.challenge.GET('/api/v1/challenges/{id}', { params: { path: { id } } })),
  });
}

export function useChallengeHistory(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...KEY, id, 'history'],
    queryFn: () => unwrap<ChallengeTransition[]>(api.challenge.GET('/api/v1/challenges/{id}/history', { params: { path: { id } } })),
  });
}

export function useCreateChallenge() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ChallengeDraft) => unwrap<Challenge>(api.challenge.POST('/api/v1/challenges', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useSubmitChallenge() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap<Challenge>(api.challenge.POST('/api/v1/challenges/{id}/submit', { params: { path: { id } } })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

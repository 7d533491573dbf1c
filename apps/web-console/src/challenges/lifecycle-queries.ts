import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/challenge';
import type { ChallengeFull, PublicChallengePage, Question } from './model';

/** The edit request exactly as the challenge-service document declares it. */
export type ChallengeEdit = paths['/api/v1/challenges/{id}']['patch']['requestBody']['content']['application/json'];
export type PublicSearch = NonNullable<paths['/api/v1/public/challenges']['get']['parameters']['query']>;

const KEY = ['challenges'] as const;

/** One 榜单 with everything the caller may see of it (the list's query key prefix, so list mutations refresh it). */
export function useChallengeFull(id: string, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...KEY, id],
    queryFn: () => unwrap<ChallengeFull>(api.challenge.GET('/api/v1/challenges/{id}', { params: { path: { id } } })),
  });
}

export function usePublicChallenges(query: PublicSearch) {
  const api = useApi();
  return useQuery({
    queryKey: ['public-challenges', query],
    queryFn: () => unwrap<PublicChallengePage>(api.challenge.GET('/api/v1/public/challenges', { params: { query } })),
  });
}

export function useEditChallenge() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChallengeEdit }) => unwrap<ChallengeFull>(api.challenge.PATCH('/api/v1/challenges/{id}', { params: { path: { id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Every lifecycle command on a 榜单 (docs/workflows.md §2), each with the body its route takes. */
export type ChallengeCommand =
  | { kind: 'vetting-start' | 'vetting-approve' | 'publish' | 'terms-accept' }
  | { kind: 'vetting-return'; comments: string }
  | { kind: 'vetting-reject' | 'close' | 'withdraw' | 'withdrawal-approve' | 'withdrawal-deny'; reason: string }
  | { kind: 'deadline'; deadlineAt: string; reason: string };

export function useChallengeCommand(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const c = api.challenge;
  return useMutation({
    mutationFn: (cmd: ChallengeCommand): Promise<unknown> => {
      switch (cmd.kind) {
        case 'vetting-start':
          return unwrap(c.POST('/api/v1/challenges/{id}/vetting/start', path));
        case 'vetting-approve':
          return unwrap(c.POST('/api/v1/challenges/{id}/vetting/approve', path));
        case 'publish':
          return unwrap(c.POST('/api/v1/challenges/{id}/publish', path));
        case 'terms-accept':
          return unwrap(c.POST('/api/v1/challenges/{id}/terms/accept', path));
        case 'vetting-return':
          return unwrap(c.POST('/api/v1/challenges/{id}/vetting/return', { ...path, body: { comments: cmd.comments } }));
        case 'vetting-reject':
          return unwrap(c.POST('/api/v1/challenges/{id}/vetting/reject', { ...path, body: { reason: cmd.reason } }));
        case 'close':
          return unwrap(c.POST('/api/v1/challenges/{id}/close', { ...path, body: { reason: cmd.reason } }));
        case 'withdraw':
          return unwrap(c.POST('/api/v1/challenges/{id}/withdraw', { ...path, body: { reason: cmd.reason } }));
        case 'withdrawal-approve':
          return unwrap(c.POST('/api/v1/challenges/{id}/withdrawal/approve', { ...path, body: { reason: cmd.reason } }));
        case 'withdrawal-deny':
          return unwrap(c.POST('/api/v1/challenges/{id}/withdrawal/deny', { ...path, body: { reason: cmd.reason } }));
        case 'deadline':
          return unwrap(c.POST('/api/v1/challenges/{id}/deadline', { ...path, body: { deadlineAt: cmd.deadlineAt, reason: cmd.reason } }));
      }
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ['public-challenges'] })]),
  });
}

export function useQuestions(id: string, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...KEY, id, 'questions'],
    queryFn: () => unwrap<Question[]>(api.challenge.GET('/api/v1/challenges/{id}/questions', { params: { path: { id } } })),
  });
}

export function useAsk(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (question: string) => unwrap<Question>(api.challenge.POST('/api/v1/challenges/{id}/questions', { params: { path: { id } }, body: { question } })),
    onSettled: () => client.invalidateQueries({ queryKey: [...KEY, id, 'questions'] }),
  });
}

export function useAnswer(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ qid, answer }: { qid: string; answer: string }) =>
      unwrap<Question>(api.challenge.POST('/api/v1/challenges/{id}/questions/{qid}/answer', { params: { path: { id, qid } }, body: { answer } })),
    onSettled: () => client.invalidateQueries({ queryKey: [...KEY, id, 'questions'] }),
  });
}

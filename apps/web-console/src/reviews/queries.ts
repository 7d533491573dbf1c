import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/matching';
import { RUN_DONE, type AssignmentRun, type OwnReview, type ReviewCompletion } from './model';

export type AssignmentRequest = NonNullable<paths['/api/v1/challenges/{cid}/review/assignment']['post']['requestBody']>['content']['application/json'];
export type Score = paths['/api/v1/reviews/{id}/score']['put']['requestBody']['content']['application/json'];

/** An assignment run, polled until the worker has finished it. */
export function useAssignmentRun(runId: string | null) {
  const api = useApi();
  return useQuery({
    enabled: Boolean(runId),
    queryKey: ['assignment-run', runId],
    queryFn: () => unwrap<AssignmentRun>(api.matching.GET('/api/v1/matching/assignments/{id}', { params: { path: { id: runId! } } })),
    refetchInterval: (q) => (q.state.data && RUN_DONE.includes(q.state.data.status) ? false : 1000),
  });
}

export function useReviewRound(challengeId: string) {
  const api = useApi();
  const client = useQueryClient();
  const cid = { params: { path: { cid: challengeId } } };
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['applications'] }), client.invalidateQueries({ queryKey: ['challenges'] })]);
  return {
    assign: useMutation({
      mutationFn: (body: AssignmentRequest) => unwrap<{ id: string; status: string }>(api.matching.POST('/api/v1/challenges/{cid}/review/assignment', { ...cid, body })),
    }),
    confirm: useMutation({
      mutationFn: (runId: string) =>
        unwrap(api.matching.POST('/api/v1/challenges/{cid}/review/assignment/{runId}/confirm', { params: { path: { cid: challengeId, runId } } })),
      onSettled: refresh,
    }),
    complete: useMutation({
      mutationFn: () => unwrap<ReviewCompletion>(api.matching.POST('/api/v1/challenges/{cid}/review/complete', cid)),
      onSettled: refresh,
    }),
  };
}

export function useOwnReviews() {
  const api = useApi();
  return useQuery({ queryKey: ['reviews'], queryFn: () => unwrap<{ items: OwnReview[] }>(api.matching.GET('/api/v1/reviews')) });
}

export function useOwnReview(id: string) {
  const api = useApi();
  return useQuery({ queryKey: ['reviews', id], queryFn: () => unwrap<OwnReview>(api.matching.GET('/api/v1/reviews/{id}', { params: { path: { id } } })) });
}

export function useReviewCommands(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const path = { params: { path: { id } } };
  const refresh = () => client.invalidateQueries({ queryKey: ['reviews'] });
  return {
    score: useMutation({ mutationFn: (body: Score) => unwrap(api.matching.PUT('/api/v1/reviews/{id}/score', { ...path, body })), onSettled: refresh }),
    conflict: useMutation({ mutationFn: (reason: string) => unwrap(api.matching.POST('/api/v1/reviews/{id}/conflict', { ...path, body: { reason } })), onSettled: refresh }),
  };
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../api/clients';
import { unwrap } from '../../api/errors';
import type { paths } from '../../api/generated/challenge';
import type { Objection } from './model';

export type LodgeBody = paths['/api/v1/challenges/{id}/objections']['post']['requestBody']['content']['application/json'];
export type UpholdBody = paths['/api/v1/challenges/{id}/objections/{oid}/uphold']['post']['requestBody']['content']['application/json'];

// Under the 榜单's key: a decision moves the 榜单 (UNDER_REVIEW, AWARDED), so its detail refreshes with the list.
const key = (id: string) => ['challenges', id, 'objections'] as const;

export function useObjections(id: string, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: key(id),
    queryFn: () => unwrap<Objection[]>(api.challenge.GET('/api/v1/challenges/{id}/objections', { params: { path: { id } } })),
  });
}

export function useLodgeObjection(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LodgeBody) => unwrap<Objection>(api.challenge.POST('/api/v1/challenges/{id}/objections', { params: { path: { id } }, body })),
    // Only on success: a refusal (409, the 公示 over or stopped) stays on screen with the state it names, rather than
    // the refreshed 榜单 taking the form and its alert away before the person has read why.
    onSuccess: () => client.invalidateQueries({ queryKey: ['challenges', id] }),
  });
}

export type ObjectionDecision = { kind: 'uphold'; oid: string; body: UpholdBody } | { kind: 'dismiss'; oid: string; reason: string };

export function useDecideObjection(id: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (d: ObjectionDecision) => {
      const params = { path: { id, oid: d.oid } };
      return d.kind === 'uphold'
        ? unwrap<Objection>(api.challenge.POST('/api/v1/challenges/{id}/objections/{oid}/uphold', { params, body: d.body }))
        : unwrap<Objection>(api.challenge.POST('/api/v1/challenges/{id}/objections/{oid}/dismiss', { params, body: { reason: d.reason } }));
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: ['challenges'] }), client.invalidateQueries({ queryKey: ['applications'] })]),
  });
}

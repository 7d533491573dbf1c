import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi, type Api } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/matching';
import type { RankResult } from '../api/responses';
import type { Dispatch, DispatchStatus, DispatchSummary, TeamProfile } from './types';

export type RecommendationBody = paths['/api/v1/dispatches/{id}/recommendation']['post']['requestBody']['content']['application/json'];
export type RecordBody = paths['/api/v1/dispatches/{id}/records']['post']['requestBody']['content']['application/json'];

export const DISPATCH_KEY = ['dispatches'] as const;

export function useDispatches(query: { status?: DispatchStatus; sort: 'sla' | 'recent'; page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...DISPATCH_KEY, 'list', query],
    queryFn: () => unwrap<{ items: DispatchSummary[]; total: number }>(api.matching.GET('/api/v1/dispatches', { params: { query } })),
  });
}

export function useDispatch(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...DISPATCH_KEY, id],
    queryFn: () => unwrap<Dispatch>(api.matching.GET('/api/v1/dispatches/{id}', { params: { path: { id } } })),
  });
}

/** Teams the district may pick by hand, outside the matcher's ranking (an override, with a reason). */
export function useTeams(enabled: boolean) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: ['profiles', 'team'],
    queryFn: () => unwrap<{ items: TeamProfile[] }>(api.matching.GET('/api/v1/profiles', { params: { query: { kind: 'team', pageSize: 100 } } })),
  });
}

/** A command on one dispatch; the dispatch and the order it serves are read again after it. */
export function useDispatchCommand<A, R = unknown>(id: string, call: (api: Api, args: A) => Promise<R>) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => call(api, args),
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: DISPATCH_KEY }), client.invalidateQueries({ queryKey: ['service-orders'] })]),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const dispatchCommands = {
  accept: (api: Api, id: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/accept', path(id))),
  return: (api: Api, id: string, reason: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/return', { ...path(id), body: { reason } })),
  reject: (api: Api, id: string, reason: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/reject', { ...path(id), body: { reason } })),
  rank: (api: Api, id: string, k: number) => unwrap<RankResult>(api.matching.POST('/api/v1/dispatches/{id}/ranking', { ...path(id), body: { k } })),
  recommend: (api: Api, id: string, body: RecommendationBody) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/recommendation', { ...path(id), body })),
  acceptOffer: (api: Api, id: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/offer/accept', path(id))),
  declineOffer: (api: Api, id: string, reason: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/offer/decline', { ...path(id), body: { reason } })),
  start: (api: Api, id: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/start', path(id))),
  log: (api: Api, id: string, body: RecordBody) => unwrap(api.matching.POST('/api/v1/dispatches/{id}/records', { ...path(id), body })),
  wait: (api: Api, id: string, reason: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/wait', { ...path(id), body: { reason } })),
  resume: (api: Api, id: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/resume', path(id))),
  deliver: (api: Api, id: string, summary: string) => unwrap<Dispatch>(api.matching.POST('/api/v1/dispatches/{id}/deliver', { ...path(id), body: { summary } })),
};

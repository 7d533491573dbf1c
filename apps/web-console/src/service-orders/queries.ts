import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/challenge';
import type { Rating, ServiceOrder, ServiceOrderStats, TimelineEntry } from './types';

/** The create request exactly as challenge-service's document declares it. */
export type ServiceOrderDraft = paths['/api/v1/service-orders']['post']['requestBody']['content']['application/json'];
export type RatingBody = paths['/api/v1/service-orders/{id}/rating']['post']['requestBody']['content']['application/json'];

export const ORDERS_KEY = ['service-orders'] as const;

export function useServiceOrders(query: { status?: ServiceOrder['status']; page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, 'list', query],
    queryFn: () => unwrap<{ items: ServiceOrder[]; total: number }>(api.challenge.GET('/api/v1/service-orders', { params: { query } })),
  });
}

export function useServiceOrder(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, id],
    queryFn: () => unwrap<ServiceOrder>(api.challenge.GET('/api/v1/service-orders/{id}', { params: { path: { id } } })),
  });
}

export function useTimeline(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ORDERS_KEY, id, 'timeline'],
    queryFn: () => unwrap<TimelineEntry[]>(api.challenge.GET('/api/v1/service-orders/{id}/timeline', { params: { path: { id } } })),
  });
}

/** The rating, or null before there is one (the service answers 404/409 RATING_NOT_FOUND). */
export function useRating(id: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...ORDERS_KEY, id, 'rating'],
    queryFn: async () => {
      try {
        return await unwrap<Rating>(api.challenge.GET('/api/v1/service-orders/{id}/rating', { params: { path: { id } } }));
      } catch (e) {
        if ((e as { code?: string }).code === 'RATING_NOT_FOUND') return null;
        throw e;
      }
    },
  });
}

export function useStats() {
  const api = useApi();
  return useQuery({ queryKey: [...ORDERS_KEY, 'stats'], queryFn: () => unwrap<ServiceOrderStats>(api.challenge.GET('/api/v1/service-orders/stats')) });
}

export function useCreateOrder() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceOrderDraft) => unwrap<ServiceOrder>(api.challenge.POST('/api/v1/service-orders', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
}

/**
 * Every command on one order: the call, then the order, its timeline and its rating read again (a command's effect
 * may also arrive later through the broker, which the SSE bell announces).
 */
export function useOrderCommand<A, R = unknown>(id: string, call: (api: ReturnType<typeof useApi>, args: A) => Promise<R>) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (args: A) => call(api, args),
    onSettled: () => client.invalidateQueries({ queryKey: [...ORDERS_KEY] }).then(() => client.invalidateQueries({ queryKey: ['dispatches', id] })),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const orderCommands = {
  submit: (api: ReturnType<typeof useApi>, id: string) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/submit', path(id))),
  cancel: (api: ReturnType<typeof useApi>, id: string, reason: string) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/cancel', { ...path(id), body: { reason } })),
  confirm: (api: ReturnType<typeof useApi>, id: string) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/confirm', path(id))),
  dispute: (api: ReturnType<typeof useApi>, id: string, reason: string) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/dispute', { ...path(id), body: { reason } })),
  resolve: (api: ReturnType<typeof useApi>, id: string, body: { outcome: 'CONFIRM' | 'RESUME_SERVICE'; reason: string }) =>
    unwrap(api.challenge.POST('/api/v1/service-orders/{id}/dispute/resolve', { ...path(id), body })),
  rate: (api: ReturnType<typeof useApi>, id: string, body: RatingBody) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/rating', { ...path(id), body })),
  appeal: (api: ReturnType<typeof useApi>, id: string, reason: string) => unwrap(api.challenge.POST('/api/v1/service-orders/{id}/rating/appeal', { ...path(id), body: { reason } })),
  decide: (api: ReturnType<typeof useApi>, id: string, body: { uphold: boolean; reason: string }) =>
    unwrap(api.challenge.POST('/api/v1/service-orders/{id}/rating/appeal/decide', { ...path(id), body })),
};

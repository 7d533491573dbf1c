import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/challenge';

export type EnterpriseBody = paths['/api/v1/enterprises/me']['put']['requestBody']['content']['application/json'];

/** challenge-service's enterprise profile (enterprise.entity.ts), as the console shows it. */
export interface Enterprise extends Required<Omit<EnterpriseBody, 'contacts'>> {
  orgId: string;
  status: 'PENDING' | 'VERIFIED' | 'REJECTED';
  contacts: EnterpriseBody['contacts'];
  verifiedAt: string | null;
  rejectionReason: string | null;
  updatedAt: string;
}

const KEY = ['enterprises'] as const;

/** The caller's own profile, or null before it registered one. */
export function useMyEnterprise() {
  const api = useApi();
  return useQuery({
    queryKey: [...KEY, 'me'],
    queryFn: async () => {
      try {
        return await unwrap<Enterprise>(api.challenge.GET('/api/v1/enterprises/me'));
      } catch (e) {
        if ((e as { status?: number }).status === 404) return null;
        throw e;
      }
    },
  });
}

export function useSaveEnterprise() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseBody) => unwrap<Enterprise>(api.challenge.PUT('/api/v1/enterprises/me', { body })),
    onSuccess: (saved) => client.setQueryData([...KEY, 'me'], saved),
  });
}

export function useEnterpriseQueue(query: { status?: Enterprise['status']; page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap<{ items: Enterprise[]; total: number }>(api.challenge.GET('/api/v1/enterprises', { params: { query } })),
  });
}

export function useVerification() {
  const api = useApi();
  const client = useQueryClient();
  const settle = () => client.invalidateQueries({ queryKey: KEY });
  const path = (orgId: string) => ({ params: { path: { orgId } } });
  return {
    verify: useMutation({ mutationFn: (orgId: string) => unwrap(api.challenge.POST('/api/v1/enterprises/{orgId}/verify', path(orgId))), onSettled: settle }),
    reject: useMutation({
      mutationFn: ({ orgId, reason }: { orgId: string; reason: string }) => unwrap(api.challenge.POST('/api/v1/enterprises/{orgId}/reject', { ...path(orgId), body: { reason } })),
      onSettled: settle,
    }),
  };
}

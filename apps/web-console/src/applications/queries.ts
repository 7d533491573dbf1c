import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { paths } from '../api/generated/matching';
import type { Application, ApplicationPage, Profile } from './model';

export type ApplicationDraft = paths['/api/v1/applications']['post']['requestBody']['content']['application/json'];
export type FormalCheck = paths['/api/v1/applications/{id}/formal-check']['post']['requestBody']['content']['application/json'];

const KEY = ['applications'] as const;

export function useApplications(query: { challengeId?: string; status?: string; page: number; pageSize: number }, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap<ApplicationPage>(api.matching.GET('/api/v1/applications', { params: { query: query as never } })),
  });
}

export function useApplication(id: string, enabled = true) {
  const api = useApi();
  return useQuery({ enabled, queryKey: [...KEY, id], queryFn: () => unwrap<Application>(api.matching.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
}

/** The caller's own profiles (the service scopes the list): a solver applies through one of them. */
export function useOwnProfiles(kind: 'solver' | 'team' | 'expert', enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: ['profiles', kind],
    queryFn: () => unwrap<{ items: Profile[] }>(api.matching.GET('/api/v1/profiles', { params: { query: { kind, pageSize: 100 } as never } })),
  });
}

export function useCreateApplication() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApplicationDraft) => unwrap<Application>(api.matching.POST('/api/v1/applications', { body })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export type ProposalEdit = paths['/api/v1/applications/{id}']['patch']['requestBody']['content']['application/json'];

export function useEditApplication() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ProposalEdit }) => unwrap<Application>(api.matching.PATCH('/api/v1/applications/{id}', { params: { path: { id } }, body })),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

export type ApplicationCommand =
  | { kind: 'submit' | 'sign' }
  | { kind: 'withdraw'; reason: string }
  | { kind: 'formal-check'; body: FormalCheck };

export function useApplicationCommand() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, cmd }: { id: string; cmd: ApplicationCommand }): Promise<Application> => {
      const path = { params: { path: { id } } };
      switch (cmd.kind) {
        case 'submit':
          return unwrap(api.matching.POST('/api/v1/applications/{id}/submit', path));
        case 'sign':
          return unwrap(api.matching.POST('/api/v1/applications/{id}/sign', path));
        case 'withdraw':
          return unwrap(api.matching.POST('/api/v1/applications/{id}/withdraw', { ...path, body: { reason: cmd.reason } }));
        case 'formal-check':
          return unwrap(api.matching.POST('/api/v1/applications/{id}/formal-check', { ...path, body: cmd.body }));
      }
    },
    onSettled: () => Promise.all([client.invalidateQueries({ queryKey: KEY }), client.invalidateQueries({ queryKey: ['challenges'] })]),
  });
}

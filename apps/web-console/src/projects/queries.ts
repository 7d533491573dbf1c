import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { ChallengeLedger, Project, ProjectDetail, ProjectTransition } from './model';

const KEY = ['projects'] as const;

export function useProjects(query: { challengeId?: string; page: number; pageSize: number }, enabled = true) {
  const api = useApi();
  return useQuery({
    enabled,
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap<{ items: Project[]; total: number }>(api.challenge.GET('/api/v1/projects', { params: { query: query as never } })),
  });
}

export function useProject(id: string) {
  const api = useApi();
  return useQuery({ queryKey: [...KEY, id], queryFn: () => unwrap<ProjectDetail>(api.challenge.GET('/api/v1/projects/{id}', { params: { path: { id } } })) });
}

export function useProjectHistory(id: string) {
  const api = useApi();
  return useQuery({ queryKey: [...KEY, id, 'history'], queryFn: () => unwrap<ProjectTransition[]>(api.challenge.GET('/api/v1/projects/{id}/history', { params: { path: { id } } })) });
}

export function useChallengeLedger(challengeId: string | undefined, enabled: boolean) {
  const api = useApi();
  return useQuery({
    enabled: enabled && Boolean(challengeId),
    queryKey: [...KEY, 'ledger', challengeId],
    queryFn: () => unwrap<ChallengeLedger>(api.challenge.GET('/api/v1/challenges/{id}/ledger', { params: { path: { id: challengeId! } } })),
  });
}

/** Every command on a project or one of its milestones (docs/workflows.md §4). */
export type ProjectCommand =
  | { kind: 'submit'; n: number; deliverables: string[]; attachments: { name: string; url: string }[] }
  | { kind: 'approve'; n: number }
  | { kind: 'request-changes'; n: number; comments: string }
  | { kind: 'pay'; n: number; amountYuan: number; reference: string }
  | { kind: 'midterm'; decision: 'CONTINUE' | 'ELIMINATE'; reason: string }
  | { kind: 'suspend' | 'resume' | 'terminate'; reason: string }
  | { kind: 'acceptance-start' }
  | { kind: 'acceptance'; passed: boolean; opinion: string };

export function useProjectCommand(id: string) {
  const api = useApi();
  const client = useQueryClient();
  const c = api.challenge;
  return useMutation({
    mutationFn: (cmd: ProjectCommand): Promise<unknown> => {
      const path = { params: { path: { id } } };
      switch (cmd.kind) {
        case 'submit':
          return unwrap(c.POST('/api/v1/projects/{id}/milestones/{n}/submit', { params: { path: { id, n: cmd.n } }, body: { deliverables: cmd.deliverables, attachments: cmd.attachments } }));
        case 'approve':
          return unwrap(c.POST('/api/v1/projects/{id}/milestones/{n}/approve', { params: { path: { id, n: cmd.n } } }));
        case 'request-changes':
          return unwrap(c.POST('/api/v1/projects/{id}/milestones/{n}/request-changes', { params: { path: { id, n: cmd.n } }, body: { comments: cmd.comments } }));
        case 'pay':
          return unwrap(c.POST('/api/v1/projects/{id}/milestones/{n}/payments', { params: { path: { id, n: cmd.n } }, body: { amountYuan: cmd.amountYuan, reference: cmd.reference } }));
        case 'midterm':
          return unwrap(c.POST('/api/v1/projects/{id}/midterm', { ...path, body: { decision: cmd.decision, reason: cmd.reason } }));
        case 'suspend':
          return unwrap(c.POST('/api/v1/projects/{id}/suspend', { ...path, body: { reason: cmd.reason } }));
        case 'resume':
          return unwrap(c.POST('/api/v1/projects/{id}/resume', { ...path, body: { reason: cmd.reason } }));
        case 'terminate':
          return unwrap(c.POST('/api/v1/projects/{id}/terminate', { ...path, body: { reason: cmd.reason } }));
        case 'acceptance-start':
          return unwrap(c.POST('/api/v1/projects/{id}/acceptance/start', path));
        case 'acceptance':
          return unwrap(c.POST('/api/v1/projects/{id}/acceptance', { ...path, body: { passed: cmd.passed, opinion: cmd.opinion } }));
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../api/clients';
import { unwrap } from '../api/errors';
import type { InboxPage, Notice, Preferences, PreferenceItem } from '../api/responses';

export const INBOX_KEY = ['inbox'] as const;

export function useUnreadCount() {
  const api = useApi();
  return useQuery({
    queryKey: [...INBOX_KEY, 'unread'],
    queryFn: () => unwrap<{ unread: number; byCategory: Record<string, number> }>(api.notification.GET('/api/v1/notifications/unread-count')),
  });
}

export function useInbox(query: { unread?: boolean; page: number; pageSize: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...INBOX_KEY, 'list', query],
    queryFn: () =>
      unwrap<InboxPage>(
        api.notification.GET('/api/v1/notifications', {
          params: { query: { page: query.page, pageSize: query.pageSize, ...(query.unread ? { unread: 'true' } : {}) } },
        }),
      ),
  });
}

export function useMarkRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap<Notice>(api.notification.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function useMarkAllRead() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap<{ marked: number }>(api.notification.POST('/api/v1/notifications/read-all', { body: {} })),
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX_KEY }),
  });
}

export function usePreferences() {
  const api = useApi();
  return useQuery({ queryKey: ['preferences'], queryFn: () => unwrap<Preferences>(api.notification.GET('/api/v1/preferences')) });
}

export function useSavePreferences() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: PreferenceItem[]) => unwrap<Preferences>(api.notification.PUT('/api/v1/preferences', { body: { items: items as never } })),
    onSuccess: (saved) => client.setQueryData(['preferences'], saved),
  });
}

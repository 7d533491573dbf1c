import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { SERVICE_PREFIX } from '../api/clients';
import type { Notice } from '../api/responses';
import { useAuth } from '../auth/AuthProvider';
import { INBOX_KEY } from './queries';

export type StreamState = 'connecting' | 'open' | 'retrying';

const StreamContext = createContext<StreamState>('connecting');
export const useStreamState = () => useContext(StreamContext);

const MAX_BACKOFF_MS = 30_000;

/**
 * The inbox's live stream (SSE) for as long as the console is open. EventSource cannot send headers, so the token
 * travels as ?access_token=; the service ends the stream with `expired` when that token expires, and the stream is
 * reopened with a fresh one. A new notice refreshes the bell and the inbox and pops up a toast.
 */
export function LiveNotifications({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const queryClient = useQueryClient();
  const { notification } = App.useApp();
  const [state, setState] = useState<StreamState>('connecting');

  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let backoff = 1_000;
    let stopped = false;

    const reopen = (delay: number) => {
      source?.close();
      if (stopped) return;
      setState('retrying');
      timer = setTimeout(() => void open(), delay);
    };

    const open = async () => {
      const token = await session.accessToken().catch(() => undefined);
      if (stopped || !token) return;
      source = new EventSource(`${SERVICE_PREFIX.notification}/api/v1/notifications/stream?access_token=${encodeURIComponent(token)}`);
      source.addEventListener('ready', () => {
        backoff = 1_000;
        setState('open');
        void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
      });
      source.addEventListener('notification', (e) => {
        const notice = JSON.parse((e as MessageEvent<string>).data) as Notice;
        void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
        notification.info({ message: notice.title, description: notice.body, placement: 'bottomRight' });
      });
      source.addEventListener('expired', () => reopen(0));
      source.onerror = () => {
        reopen(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      };
    };

    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [session, queryClient, notification]);

  return <StreamContext.Provider value={state}>{children}</StreamContext.Provider>;
}

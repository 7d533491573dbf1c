import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/errors';
import type { AuthSession } from '../auth/session';
import { createRouter } from './routes';
import { theme } from './theme';

dayjs.locale('zh-cn');

/** A refusal (4xx) will not change by asking again; a server or network problem may. */
const retry = (count: number, error: unknown) => !(error instanceof ApiError && error.status < 500) && count < 2;

export function App({ session }: { session: AuthSession }) {
  const router = useMemo(() => createRouter(session), [session]);
  const queryClient = useMemo(() => new QueryClient({ defaultOptions: { queries: { retry, refetchOnWindowFocus: false, staleTime: 10_000 } } }), []);
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

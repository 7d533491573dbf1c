import { useMemo, type ReactNode } from 'react';
import { ApiContext, createApi } from '../api/clients';
import { AuthProvider } from '../auth/AuthProvider';
import { authorizedFetch, type AuthSession } from '../auth/session';

/** The signed-in part of the console: a user, and API clients that carry their token. */
export function SignedIn({ session, children }: { session: AuthSession; children: ReactNode }) {
  const api = useMemo(() => createApi(authorizedFetch(session)), [session]);
  return (
    <AuthProvider session={session}>
      <ApiContext.Provider value={api}>{children}</ApiContext.Provider>
    </AuthProvider>
  );
}

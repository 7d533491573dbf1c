import createClient, { type Client } from 'openapi-fetch';
import { createContext, useContext } from 'react';
import type { paths as ChallengePaths } from './generated/challenge';
import type { paths as MatchingPaths } from './generated/matching';
import type { paths as NotificationPaths } from './generated/notification';

/**
 * One typed client per service, from the services' own OpenAPI documents. Same origin as the console: the reverse
 * proxy sends /<service>/api/… to that service's /api/… (see the README), so the browser needs no CORS.
 */
export interface Api {
  challenge: Client<ChallengePaths>;
  matching: Client<MatchingPaths>;
  notification: Client<NotificationPaths>;
}

export const SERVICE_PREFIX = { challenge: '/challenge', matching: '/matching', notification: '/notification' } as const;

export function createApi(fetch: (request: Request) => Promise<Response>): Api {
  const base = window.location.origin;
  return {
    challenge: createClient<ChallengePaths>({ baseUrl: base + SERVICE_PREFIX.challenge, fetch }),
    matching: createClient<MatchingPaths>({ baseUrl: base + SERVICE_PREFIX.matching, fetch }),
    notification: createClient<NotificationPaths>({ baseUrl: base + SERVICE_PREFIX.notification, fetch }),
  };
}

export const ApiContext = createContext<Api | null>(null);

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside <ApiContext.Provider>');
  return api;
}

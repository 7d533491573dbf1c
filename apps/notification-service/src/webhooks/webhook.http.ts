import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';

export interface PostOptions {
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** How names are resolved; the SSRF guard plugs in here (node:http, unlike fetch, takes one per request). */
  lookup?: LookupFunction;
}

/** Keep-alive pools, one per scheme; closed with the sender. */
export class Agents {
  readonly http = new HttpAgent({ keepAlive: true });
  readonly https = new HttpsAgent({ keepAlive: true });

  destroy(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

/** Raised when the whole try outlasted its time: the request failed as "timeout". */
export class PostTimeout extends Error {
  constructor() {
    super('timeout');
    this.name = 'PostTimeout';
  }
}

/**
 * One POST, resolved with the status as soon as it arrives: the answer's body carries nothing we use and is drained
 * in the background, still under the timeout. Redirects are not followed (node:http never does).
 */
export function postOnce(url: URL, agents: Agents, o: PostOptions): Promise<number> {
  const signal = AbortSignal.timeout(o.timeoutMs);
  const secure = url.protocol === 'https:';
  const request = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...o.headers, 'content-length': String(Buffer.byteLength(o.body)) },
        agent: secure ? agents.https : agents.http,
        signal,
        ...(o.lookup ? { lookup: o.lookup } : {}),
      },
      (res) => {
        res.on('error', () => undefined); // aborted mid-drain, after the status was taken: nothing left to report
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (e) => reject(signal.aborted ? new PostTimeout() : e));
    req.end(o.body);
  });
}

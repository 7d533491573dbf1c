import { eventually } from '@jiebang/testing';

export interface StreamEvent {
  type: string;
  id?: string;
  data: any;
}

export interface SseClient {
  events: StreamEvent[];
  /** Waits for the first event of `type` that satisfies `match`. */
  next(type: string, match?: (data: any) => boolean): Promise<StreamEvent>;
  /** Resolves when the server has ended the stream (or close() aborted it). */
  ended: Promise<void>;
  close(): void;
}

/** A Server-Sent Events client over fetch, as a browser's EventSource would connect (token in the query). */
export async function openStream(url: string): Promise<SseClient> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (res.status !== 200) throw new Error(`stream answered ${res.status}: ${await res.text()}`);
  const events: StreamEvent[] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split('\n')
              .filter((l) => l.startsWith(`${name}:`))
              .map((l) => l.slice(name.length + 1).trimStart());
          const data = field('data').join('\n');
          events.push({ type: field('event')[0] ?? 'message', id: field('id')[0], data: data ? JSON.parse(data) : undefined });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    next: (type, match = () => true) =>
      eventually(() => {
        const found = events.find((e) => e.type === type && match(e.data));
        if (!found) throw new Error(`no "${type}" event yet; got ${JSON.stringify(events.map((e) => e.type))}`);
        return found;
      }, 30_000),
    ended,
    close: () => abort.abort(),
  };
}

export interface Segment {
  text: string;
  /** The matched term this piece of text is an occurrence of. */
  term?: string;
}

/**
 * The need text cut into plain pieces and occurrences of the matched terms, longer terms first where they overlap
 * (压铸工艺 before 压铸). Latin letters match case-insensitively, as the matcher lower-cases them (PLC = plc).
 */
export function highlight(text: string, terms: readonly string[]): Segment[] {
  const wanted = [...new Set(terms.map((t) => t.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  const lower = text.toLowerCase();
  const taken = new Array<boolean>(text.length).fill(false);
  const hits: { start: number; end: number; term: string }[] = [];
  for (const term of wanted) {
    const needle = term.toLowerCase();
    for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
      if (taken.slice(at, at + needle.length).some(Boolean)) continue;
      taken.fill(true, at, at + needle.length);
      hits.push({ start: at, end: at + needle.length, term });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const hit of hits) {
    if (hit.start > cursor) segments.push({ text: text.slice(cursor, hit.start) });
    segments.push({ text: text.slice(hit.start, hit.end), term: hit.term });
    cursor = hit.end;
  }
  if (cursor < text.length) segments.push({ text: text.slice(cursor) });
  return segments;
}

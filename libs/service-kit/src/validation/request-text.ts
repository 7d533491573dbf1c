interface Visit {
  node: unknown;
  key?: string;
  parent?: Visit;
}

const pathOf = (visit: Visit): string[] => {
  const path: string[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.push(v.key);
  return path.reverse();
};

/**
 * Text PostgreSQL cannot store: U+0000 (refused in text and jsonb) and lone UTF-16 surrogates (jsonb refuses the
 * `\ud800` escape JSON.stringify writes for one). Either would fail at the database as a 500.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const unstorable = (text: string): boolean => text.includes('\u0000') || LONE_SURROGATE.test(text);

/**
 * The path of the first string (value or key) that is `unstorable`, or undefined: refused at the edge as a 400.
 * Iterative with parent links (no recursion, no path copies): a body nested 100 000 deep costs linear time.
 */
export function unstorableTextPath(value: unknown): string[] | undefined {
  const stack: Visit[] = [{ node: value }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { node } = visit;
    if (typeof node === 'string') {
      if (unstorable(node)) return pathOf(visit);
    } else if (typeof node === 'object' && node !== null) {
      const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, item] = entries[i];
        const child = { node: item, key, parent: visit };
        if (unstorable(key)) return pathOf(child);
        stack.push(child);
      }
    }
  }
  return undefined;
}

/**
 * The path of the first string (value or key) holding a NUL character, or undefined. PostgreSQL cannot store U+0000
 * in text or jsonb, so such input would fail at the database as a 500; it is refused at the edge as a 400 instead.
 */
export function nulBytePath(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulBytePath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = nulBytePath(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

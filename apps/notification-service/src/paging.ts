import { z } from 'zod';

/** Deep pages cost the database an OFFSET scan each; past this, narrow the filter instead. */
export const MAX_PAGE = 1_000;
export const MAX_PAGE_SIZE = 100;

/** `page` and `pageSize` of every list in this service, bounded (a page size of a million is not a list request). */
export function pagingShape(defaultPageSize: number) {
  return {
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultPageSize),
  };
}

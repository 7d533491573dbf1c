import type { DataSource } from 'typeorm';
import { Challenge } from '../challenges/challenge.entity';
import { LISTED_STATES, type PublicSearchQuery } from './public-listing.dto';

/** A term as a LIKE pattern matching it anywhere, its wildcards taken literally. */
function containing(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The public search, in SQL with bound parameters only. `q` matches by case-insensitive substring (ILIKE): Chinese
 * has no spaces between words, so PostgreSQL's word-based full-text search would need a segmenter (zhparser, jieba)
 * the platform does not install; a substring finds 压铸 inside 铝合金压铸件. It searches the public text only: the
 * title, the keywords, and the description unless the enterprise marked it confidential.
 */
export async function searchPublic(dataSource: DataSource, query: PublicSearchQuery): Promise<{ items: Challenge[]; total: number }> {
  const qb = dataSource
    .getRepository(Challenge)
    .createQueryBuilder('c')
    .where('c.status IN (:...listed)', { listed: query.status ? [query.status] : LISTED_STATES });
  const terms = (query.q ?? '').split(/\s+/).filter((t) => t.length > 0);
  terms.forEach((term, i) => {
    qb.andWhere(
      `(c.title ILIKE :t${i}
        OR (NOT c.confidential_fields @> '["description"]'::jsonb AND c.description ILIKE :t${i})
        OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(c.keywords) AS k WHERE k ILIKE :t${i}))`,
      { [`t${i}`]: containing(term) },
    );
  });
  if (query.field) qb.andWhere('c.fields @> jsonb_build_array(CAST(:field AS text))', { field: query.field });
  if (query.district) qb.andWhere('c.district_code = :district', { district: query.district });
  if (query.bountyMin !== undefined) qb.andWhere('c.bounty_yuan >= :bountyMin', { bountyMin: query.bountyMin });
  if (query.bountyMax !== undefined) qb.andWhere('c.bounty_yuan <= :bountyMax', { bountyMax: query.bountyMax });
  if (query.deadlineFrom) qb.andWhere('c.deadline >= :deadlineFrom', { deadlineFrom: query.deadlineFrom });
  if (query.deadlineTo) qb.andWhere('c.deadline <= :deadlineTo', { deadlineTo: query.deadlineTo });
  const [items, total] = await qb
    .orderBy('c.published_at', 'DESC', 'NULLS LAST')
    .addOrderBy('c.id')
    .skip((query.page - 1) * query.pageSize)
    .take(query.pageSize)
    .getManyAndCount();
  return { items, total };
}

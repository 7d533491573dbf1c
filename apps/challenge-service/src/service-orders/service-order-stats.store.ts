import type { EntityManager } from 'typeorm';

export interface DistrictStats {
  districtCode: string;
  byStatus: Record<string, number>;
  breaches: number;
  /** Median seconds spent before entering each status, from the timeline. */
  medianSecondsToStep: Record<string, number>;
  ratings: RatingAverages | null;
}

export interface RatingAverages {
  count: number;
  response: number;
  expertise: number;
  effect: number;
  attitude: number;
}

const AVERAGES = `count(*)::int AS count, avg(response)::float AS response, avg(expertise)::float AS expertise,
  avg(effect)::float AS effect, avg(attitude)::float AS attitude`;

/** The bureau's overview, every figure computed in SQL: voided ratings do not count. */
export async function serviceOrderStats(em: EntityManager) {
  const counts: { district_code: string; status: string; n: number }[] = await em.query(
    `SELECT district_code, status, count(*)::int AS n FROM service_orders WHERE status <> 'DRAFT' GROUP BY 1, 2`,
  );
  const breaches: { district_code: string; n: number }[] = await em.query(
    `SELECT o.district_code, count(*)::int AS n FROM service_order_timeline t JOIN service_orders o ON o.id = t.order_id
     WHERE t.action = 'dispatch.escalated' GROUP BY 1`,
  );
  const steps: { district_code: string; step: string; median: number }[] = await em.query(
    `SELECT o.district_code, s.to_status AS step, percentile_cont(0.5) WITHIN GROUP (ORDER BY s.seconds)::float AS median
     FROM (SELECT order_id, to_status,
                  extract(epoch FROM at - lag(at) OVER (PARTITION BY order_id ORDER BY id)) AS seconds
           FROM service_order_timeline WHERE kind = 'transition') s
     JOIN service_orders o ON o.id = s.order_id
     WHERE s.seconds IS NOT NULL GROUP BY 1, 2`,
  );
  const byDistrict: ({ district_code: string } & RatingAverages)[] = await em.query(
    `SELECT district_code, ${AVERAGES} FROM service_order_ratings WHERE status = 'ACTIVE' GROUP BY 1`,
  );
  const byTeam: ({ profile_id: string; org_id: string; name: string } & RatingAverages)[] = await em.query(
    `SELECT team ->> 'profileId' AS profile_id, team ->> 'orgId' AS org_id, team ->> 'name' AS name, ${AVERAGES}
     FROM service_order_ratings WHERE status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1`,
  );
  const districts = new Map<string, DistrictStats>();
  const of = (code: string) => {
    const key = code.trim();
    if (!districts.has(key)) districts.set(key, { districtCode: key, byStatus: {}, breaches: 0, medianSecondsToStep: {}, ratings: null });
    return districts.get(key)!;
  };
  for (const c of counts) of(c.district_code).byStatus[c.status] = c.n;
  for (const b of breaches) of(b.district_code).breaches = b.n;
  for (const s of steps) of(s.district_code).medianSecondsToStep[s.step] = s.median;
  for (const { district_code, ...averages } of byDistrict) of(district_code).ratings = averages;
  return {
    districts: [...districts.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode)),
    teams: byTeam.map(({ profile_id, org_id, name, ...averages }) => ({ team: { profileId: profile_id, orgId: org_id, name }, ratings: averages })),
  };
}

import type { DataSource } from 'typeorm';
import type { CandidateAnalysis, CandidateFacts, CandidateText } from '../engine/candidate';
import type { CandidateIndex } from '../engine/candidate-index';
import { withRecords } from '../profiles/profile-record.domain';
import { addRating, CLOCK_SKEW_MS, EMPTY_TALLY, type ReputationTally } from '../engine/reputation';

interface Row {
  id: string;
  version: number;
  kind: CandidateFacts['kind'];
  name: string;
  org_id: string;
  org_name: string;
  district_code: string | null;
  region: CandidateFacts['region'];
  fields: CandidateFacts['fields'];
  max_load: number;
  open_load: number;
  affiliations: string[];
  suspended: boolean;
  willingness: CandidateFacts['willingness'];
  analysis: CandidateAnalysis;
  withdrawn: boolean;
}

const COLUMNS = `id, version, kind, name, org_id, org_name, district_code, region, fields, max_load, open_load, affiliations,
  suspended, willingness, analysis, withdrawn_at IS NOT NULL AS withdrawn`;

/** What one load found: profiles to index, ids to drop (withdrawn or deleted), ids to load again (changed meanwhile). */
export interface LoadedProfiles {
  entries: { facts: CandidateFacts; analysis: CandidateAnalysis }[];
  gone: string[];
  changed: string[];
  reanalysed: number;
}

/**
 * Reads profiles, their ratings and disputes from Postgres into index entries. The stored analysis is used as is;
 * one made by another analyzer or dictionary is redone from the profile text and written back — one profile at a
 * time, so after a dictionary change the next rebuild segments every profile once (10 s per 100,000 measured).
 */
export class ProfileIndexLoader {
  constructor(
    private readonly ds: DataSource,
    private readonly index: () => CandidateIndex,
  ) {}

  /** One page of all profiles, in id order after `afterId` (keyset paging keeps a 100k rebuild linear). */
  async page(afterId: string | null, limit: number): Promise<LoadedProfiles & { lastId: string | null }> {
    const rows: Row[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM candidate_profiles WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    const loaded = await this.toEntries(rows);
    return { ...loaded, lastId: rows.length ? rows[rows.length - 1].id : null };
  }

  async byIds(ids: string[]): Promise<LoadedProfiles> {
    const rows: Row[] = await this.ds.query(`SELECT ${COLUMNS} FROM candidate_profiles WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    const loaded = await this.toEntries(rows);
    return { ...loaded, gone: [...loaded.gone, ...ids.filter((id) => !found.has(id))] };
  }

  private async toEntries(rows: Row[]): Promise<LoadedProfiles> {
    const live = rows.filter((r) => !r.withdrawn);
    const ids = live.map((r) => r.id);
    const [ratings, disputes] = await Promise.all([this.ratings(ids), this.disputes(ids)]);
    let reanalysed = 0;
    const entries = [];
    const changed: string[] = [];
    for (const r of live) {
      let analysis: CandidateAnalysis | undefined = r.analysis;
      if (analysis.revision !== this.index().analyzer.revision) {
        analysis = await this.reanalyse(r.id, r.version);
        reanalysed++;
        if (!analysis) {
          changed.push(r.id);
          continue;
        }
      }
      entries.push({
        analysis,
        facts: {
          id: r.id,
          kind: r.kind,
          name: r.name,
          orgId: r.org_id,
          orgName: r.org_name,
          districtCode: r.district_code,
          region: r.region,
          fields: r.fields,
          maxLoad: r.max_load,
          openLoad: r.open_load,
          affiliations: r.affiliations,
          suspended: r.suspended,
          willingness: r.willingness,
          reputation: ratings.get(r.id) ?? EMPTY_TALLY,
          disputes: disputes.get(r.id) ?? [],
          version: r.version,
        },
      });
    }
    return { entries, gone: rows.filter((r) => r.withdrawn).map((r) => r.id), changed, reanalysed };
  }

  private async ratings(ids: string[]): Promise<Map<string, ReputationTally>> {
    const halfLife = this.index().settings.reputationHalfLifeDays;
    // Ratings stored before future dates were refused count only once their date has come; voided ones never.
    const rows: { profile_id: string; score: number; rated_at: Date }[] = ids.length
      ? await this.ds.query(
          `SELECT profile_id, score, rated_at FROM candidate_ratings
            WHERE profile_id = ANY($1::uuid[]) AND rated_at <= $2 AND voided_at IS NULL`,
          [ids, new Date(Date.now() + CLOCK_SKEW_MS)],
        )
      : [];
    const tallies = new Map<string, ReputationTally>();
    for (const r of rows) tallies.set(r.profile_id, addRating(tallies.get(r.profile_id) ?? EMPTY_TALLY, r.score, r.rated_at, halfLife));
    return tallies;
  }

  private async disputes(ids: string[]): Promise<Map<string, CandidateFacts['disputes']>> {
    const rows: { profile_id: string; enterprise_org_id: string; upheld_at: Date }[] = ids.length
      ? await this.ds.query(
          `SELECT profile_id, enterprise_org_id, upheld_at FROM candidate_disputes WHERE profile_id = ANY($1::uuid[])`,
          [ids],
        )
      : [];
    const byProfile = new Map<string, CandidateFacts['disputes']>();
    for (const r of rows) {
      const list = byProfile.get(r.profile_id) ?? [];
      list.push({ enterpriseOrgId: r.enterprise_org_id, upheldAt: r.upheld_at });
      byProfile.set(r.profile_id, list);
    }
    return byProfile;
  }

  /**
   * The analysis of the profile at `version`, redone from its text and written back over that version only: an
   * update committed meanwhile has stored its own analysis of newer text, which this one must not overwrite.
   * Undefined when the profile is no longer at `version` (the caller loads it again).
   */
  private async reanalyse(id: string, version: number): Promise<CandidateAnalysis | undefined> {
    const [row]: { name: string; keywords: string[]; capabilities: string; past_work: string[] }[] = await this.ds.query(
      `SELECT name, keywords, capabilities, past_work FROM candidate_profiles WHERE id = $1 AND version = $2`,
      [id, version],
    );
    if (!row) return undefined;
    const records: { challengeTitle: string; outcome: 'CLOSED' | 'TERMINATED'; endedAt: Date }[] = await this.ds.query(
      `SELECT challenge_title AS "challengeTitle", outcome, ended_at AS "endedAt" FROM profile_records WHERE profile_id = $1`,
      [id],
    );
    const text: CandidateText = { name: row.name, keywords: row.keywords, capabilities: row.capabilities, pastWork: row.past_work };
    const analysis = this.index().analyze(withRecords(text, records));
    await this.ds.query(`UPDATE candidate_profiles SET analysis = $3 WHERE id = $1 AND version = $2`, [id, version, JSON.stringify(analysis)]);
    return analysis;
  }
}

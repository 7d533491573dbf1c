import type { CandidateKind } from '@jiebang/contracts';
import type { Violation } from '../constraints';
import type { Need } from '../need';
import type { FactorScore, MatchedTerm } from '../result';
import type { RankingWeights } from '../weights';
import type { AssignmentStats } from './assignment.domain';
import type { FeasibilityProblem } from './feasibility';

/** One item of a batch: a need with its id in its own service and, optionally, its own number of candidates. */
export interface BatchItem extends Omit<Need, 'wants' | 'districtCode'> {
  id: string;
  districtCode?: string | null;
  k?: number;
}

/** A batch as the engine reads it: the HTTP request (assignment.dto.ts) is one, already validated. */
export interface BatchRequest {
  wants: CandidateKind;
  items: BatchItem[];
  /** Candidates per item unless the item says otherwise. */
  k: number;
  /** The candidate pool; every indexed candidate of the wanted kind when absent. */
  candidateIds?: string[];
  minLoad: number;
  maxLoad?: number;
  conflicts: { itemId: string; candidateId: string; reason?: string }[];
  alternates: number;
}

export interface BatchInput {
  request: BatchRequest;
  district: string | null;
  weights: RankingWeights;
  now: Date;
  edgesPerItem: number;
}

export type Progress = (stage: string, percent: number) => Promise<void>;

export interface AssignedCandidate {
  candidateId: string;
  name: string;
  affinity: number;
  breakdown: FactorScore[];
  matchedTerms: MatchedTerm[];
}

export interface BatchResult {
  status: 'COMPLETED' | 'INFEASIBLE';
  method: 'highs-lp' | 'highs-mip';
  /** What to relax when the quotas cannot all hold (empty when they can). */
  feasibility: FeasibilityProblem[];
  optimal: AssignmentStats;
  greedy: AssignmentStats;
  improvement: { totalAffinity: number; minItemAffinity: number };
  items: {
    itemId: string;
    title: string;
    demand: number;
    missing: number;
    assigned: AssignedCandidate[];
    alternates: { candidateId: string; name: string; affinity: number }[];
    excluded: { candidateId: string; name: string; violations: readonly Violation[] }[];
  }[];
  loads: { candidateId: string; name: string; load: number; minLoad: number; maxLoad: number }[];
  /** The graph solved; `conflicts`: declared conflicts that removed one of an item's top candidates. */
  graph: { items: number; candidates: number; edges: number; conflicts: number };
  timings: { affinityMs: number; solveMs: number; greedyMs: number };
  /**
   * The thread HiGHS ran on (a worker thread, never the service's event loop; -1 when it reported infeasible) and
   * its time there; `timings.solveMs` adds starting the thread and copying the problem to it.
   */
  solver: { threadId: number; solveMs: number };
}

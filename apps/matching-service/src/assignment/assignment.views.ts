import type { AssignmentRun } from './assignment-run.entity';
import type { AssignedCandidate } from '../engine/assignment/batch';

/**
 * What a team, solver or expert sees of a batch run: its own assignments, nothing else — not the pool, the other
 * items, the other candidates, the feasibility notes (they name both), the requester or the run's statistics.
 */
export interface CandidateAssignmentView {
  id: string;
  status: AssignmentRun['status'];
  createdAt: Date;
  finishedAt: Date | null;
  assignments: ({ itemId: string; title: string } & AssignedCandidate)[];
}

/** Undefined when the run assigned none of `own` (the reader then gets a 404, as for a run it may not see). */
export function candidateView(run: AssignmentRun, own: ReadonlySet<string>): CandidateAssignmentView | undefined {
  const assignments = (run.result?.items ?? []).flatMap((item) =>
    item.assigned.filter((a) => own.has(a.candidateId)).map((a) => ({ itemId: item.itemId, title: item.title, ...a })),
  );
  if (assignments.length === 0) return undefined;
  return { id: run.id, status: run.status, createdAt: run.createdAt, finishedAt: run.finishedAt, assignments };
}

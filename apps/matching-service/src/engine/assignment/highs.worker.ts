import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { AssignmentProblem } from './assignment.domain';
import { solveOptimal, SolverStatusError } from './highs.solver';
import type { SolverReply } from './highs.thread';

// One solve per thread (see highs.thread.ts): solve what the parent sent, answer, and let the thread end.
const started = performance.now();
solveOptimal(workerData as AssignmentProblem).then(
  (solution) =>
    parentPort!.postMessage({ ok: true, solution: { ...solution, threadId, solveMs: performance.now() - started } } satisfies SolverReply),
  (e: Error) =>
    parentPort!.postMessage({
      ok: false,
      message: e.message,
      status: e instanceof SolverStatusError ? { code: e.status, infeasible: e.infeasible } : null,
    } satisfies SolverReply),
);

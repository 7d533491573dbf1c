import { extname, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AssignmentProblem } from './assignment.domain';
import { SolverStatusError, type OptimalSolution } from './highs.solver';

/** A solution, the thread that computed it (never the service's main thread, whose id is 0) and its time there. */
export interface ThreadedSolution extends OptimalSolution {
  threadId: number;
  /** Loading HiGHS and solving, inside the thread (the rest of the wall time is starting it and copying data). */
  solveMs: number;
}

export type SolverReply =
  | { ok: true; solution: ThreadedSolution }
  | { ok: false; message: string; status: { code: number; infeasible: boolean } | null };

const SCRIPT = resolve(__dirname, `highs.worker${extname(__filename)}`);
// From TypeScript sources (tests, benchmarks) the thread compiles its module the way the benchmarks run.
const EXEC_ARGV = extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : [];

/**
 * Solves on a worker thread. HiGHS (WebAssembly) is synchronous: a 2,000 × 500 batch holds a core for most of a
 * second, and on the service's event loop every HTTP request would wait for it. One short-lived thread per solve —
 * batches are rare, the ~0.1 s start-up is small beside the solve, and the WebAssembly memory goes with the thread.
 */
export function solveInWorker(problem: AssignmentProblem): Promise<ThreadedSolution> {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(SCRIPT, { workerData: problem, execArgv: EXEC_ARGV });
    let replied = false;
    worker.once('message', (reply: SolverReply) => {
      replied = true;
      if (reply.ok) resolvePromise(reply.solution);
      else reject(reply.status ? new SolverStatusError(reply.status.code, reply.status.infeasible) : new Error(reply.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`solver thread ended (exit code ${code}) without an answer`));
    });
  });
}

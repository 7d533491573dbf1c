import loadHighs, { type Highs } from 'highs';
import type { AssignmentProblem, AssignmentSolution } from './assignment.domain';

let runtime: Promise<Highs> | undefined;

/** The HiGHS WebAssembly runtime, loaded once per process (loading compiles the Wasm module). */
export function highsRuntime(): Promise<Highs> {
  return (runtime ??= loadHighs());
}

/** HiGHS ended without an optimum; `infeasible` when it proved the quotas contradictory (model status 8 or 9). */
export class SolverStatusError extends Error {
  constructor(
    readonly status: number,
    readonly infeasible: boolean,
  ) {
    super(`HiGHS stopped with model status ${status}${infeasible ? ' (infeasible)' : ''}`);
    this.name = 'SolverStatusError';
  }
}

export interface OptimalSolution extends AssignmentSolution {
  objective: number;
  /** LP relaxation was already integral (expected: the constraint matrix is totally unimodular). */
  integralRelaxation: boolean;
}

const INTEGRAL = 1e-6;

/**
 * Exact b-matching as a linear programme solved by HiGHS: maximise Σ affinity·x over allowed pairs, each item
 * exactly its demand, each candidate between its minimum and maximum load. Item and load rows over a bipartite
 * graph form a totally unimodular matrix, so the simplex vertex is integral and no rounding is needed; if HiGHS ever
 * returns a fractional point, the same model is solved again as a MIP.
 *
 * Quotas that cannot all hold do not make the model infeasible: every item row has a shortfall column and every
 * minimum-load row an under-load column, priced far below any affinity. A positive one says exactly which item
 * or candidate to relax, which is more useful than HiGHS's bare "infeasible".
 */
export async function solveOptimal(p: AssignmentProblem): Promise<OptimalSolution> {
  const highs = await highsRuntime();
  const I = p.items.length;
  const E = p.edges.length;
  const minRows = p.candidates.flatMap((c, j) => (c.minLoad > 0 ? [j] : []));
  const numCols = E + I + minRows.length;
  const numRows = I + p.candidates.length;
  const penalty = 1000 * (1 + p.edges.reduce((m, e) => Math.max(m, Math.abs(e.affinity)), 0));

  const colCost = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(2 * E + I + minRows.length);
  const values = new Float64Array(indices.length).fill(1);
  let k = 0;
  p.edges.forEach((e, col) => {
    colCost[col] = e.affinity;
    colUpper[col] = 1;
    starts[col] = k;
    indices[k++] = e.item;
    indices[k++] = I + e.candidate;
  });
  p.items.forEach((item, i) => {
    const col = E + i;
    colCost[col] = -penalty;
    colUpper[col] = item.demand;
    starts[col] = k;
    indices[k++] = i;
  });
  minRows.forEach((j, m) => {
    const col = E + I + m;
    colCost[col] = -penalty;
    colUpper[col] = p.candidates[j].minLoad;
    starts[col] = k;
    indices[k++] = I + j;
  });
  starts[numCols] = k;

  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  p.items.forEach((item, i) => (rowLower[i] = rowUpper[i] = item.demand));
  p.candidates.forEach((c, j) => {
    rowLower[I + j] = c.minLoad;
    rowUpper[I + j] = c.maxLoad;
  });

  const model = {
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower: new Float64Array(numCols),
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc' as const, numRows, numCols, starts, indices, values },
  };
  let x = run(highs, model, 'simplex');
  const integralRelaxation = x.colValue.slice(0, E).every((v) => Math.abs(v - Math.round(v)) < INTEGRAL);
  if (!integralRelaxation) {
    x = run(highs, { ...model, integrality: new Int32Array(numCols).fill(highs.constants.variableType.integer) }, 'choose');
  }
  const chosen: number[] = [];
  for (let e = 0; e < E; e++) if (x.colValue[e] > 0.5) chosen.push(e);
  return {
    chosen,
    objective: x.objective,
    integralRelaxation,
    shortfall: p.items
      .map((_, item) => ({ item, missing: Math.round(x.colValue[E + item]) }))
      .filter((s) => s.missing > 0),
    underMinimum: minRows
      .map((candidate, m) => ({ candidate, missing: Math.round(x.colValue[E + I + m]) }))
      .filter((u) => u.missing > 0),
  };
}

// Simplex for the LP (a vertex is integral here); `choose` for the MIP, since `simplex` would drop integrality.
function run(highs: Highs, model: Parameters<Highs['createModel']>[0] & object, solver: 'simplex' | 'choose') {
  const m = highs.createModel(model);
  try {
    m.options.set({ output_flag: false, solver });
    m.run();
    const status = m.getModelStatus();
    const codes = highs.constants.modelStatus;
    if (status !== codes.optimal) throw new SolverStatusError(status, status === codes.infeasible || status === codes.unboundedOrInfeasible);
    return { colValue: m.getSolution().colValue, objective: m.getObjectiveValue() };
  } finally {
    m.dispose();
  }
}

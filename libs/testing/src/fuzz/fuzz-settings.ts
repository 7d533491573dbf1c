/**
 * Seed and size of a fuzz run. `npm test` uses the fixed defaults (same requests every run, bounded time);
 * `npm run fuzz -- --seed N --runs M` sets FUZZ_SEED / FUZZ_RUNS for a long randomised run.
 */
export function fuzzSettings(environment: NodeJS.ProcessEnv = process.env): { seed: number; runs: number; timeoutMs: number } {
  const seed = Number(environment.FUZZ_SEED ?? 20_261_201);
  const runs = Number(environment.FUZZ_RUNS ?? 12);
  if (!Number.isInteger(seed) || !Number.isInteger(runs) || runs < 1) throw new Error(`FUZZ_SEED and FUZZ_RUNS must be integers (got ${environment.FUZZ_SEED}, ${environment.FUZZ_RUNS})`);
  // 12 cases per route take ~10 s a service on a busy machine; the long run gets room in proportion.
  return { seed, runs, timeoutMs: 90_000 + runs * 3_000 };
}

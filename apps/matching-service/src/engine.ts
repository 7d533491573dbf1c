/**
 * The matcher's domain, without the service around it: what the benchmarks and the evaluation command drive
 * directly (`@jiebang/matching-service/engine`).
 */
export { greedyAssignment } from './assignment/greedy';
export { checkFeasibility } from './assignment/feasibility';
export { solveOptimal } from './assignment/highs.solver';
export { statsOf, type AssignmentProblem } from './assignment/assignment.domain';
export type { CandidateAnalysis, CandidateFacts, CandidateText } from './ranking/candidate';
export { CandidateIndex } from './ranking/candidate-index';
export { constraintContext, violations } from './ranking/constraints';
export type { Need } from './ranking/need';
export { needText } from './ranking/query';
export { RankingEngine } from './ranking/ranking.engine';
export { tallyOf, EMPTY_TALLY } from './ranking/reputation';
export { DEFAULT_INDEX_SETTINGS, DEFAULT_WEIGHTS, resolveWeights, type RankingWeights, type WeightOverrides } from './ranking/weights';
export { Analyzer } from './text/analyzer';
export { Segmenter } from './text/segmenter';
export { Thesaurus } from './text/thesaurus';

/**
 * The matcher's domain, without the service around it: what the benchmarks and the evaluation command drive
 * directly (`@jiebang/matching-service/engine`).
 */
export { greedyAssignment } from './engine/assignment/greedy';
export { checkFeasibility } from './engine/assignment/feasibility';
export { solveOptimal } from './engine/assignment/highs.solver';
export { statsOf, type AssignmentProblem } from './engine/assignment/assignment.domain';
export type { CandidateAnalysis, CandidateFacts, CandidateText } from './engine/candidate';
export { CandidateIndex } from './engine/candidate-index';
export { constraintContext, violations } from './engine/constraints';
export type { Need } from './engine/need';
export { needText } from './engine/query';
export { RankingEngine } from './engine/ranking.engine';
export { tallyOf, EMPTY_TALLY } from './engine/reputation';
export { DEFAULT_INDEX_SETTINGS, DEFAULT_WEIGHTS, resolveWeights, type RankingWeights, type WeightOverrides } from './engine/weights';
export { Analyzer } from './engine/text/analyzer';
export { Segmenter } from './engine/text/segmenter';
export { Thesaurus } from './engine/text/thesaurus';

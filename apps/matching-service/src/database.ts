import type { ServiceDatabase } from '@jiebang/service-kit';
import { TIMERS_MIGRATIONS } from '@jiebang/timers';
import { Application } from './applications/application.entity';
import { AssignmentRun } from './assignment/assignment-run.entity';
import { KnownChallenge } from './challenges/known-challenge.entity';
import { KnownChallenges1764201800000 } from './migrations/1764201800000-known-challenges';
import { Award1765000400000 } from './migrations/1765000400000-award';
import { ReviewCompletion1765000300000 } from './migrations/1765000300000-review-completion';
import { Reviews1765000200000 } from './migrations/1765000200000-reviews';
import { Applications1765000100000 } from './migrations/1765000100000-applications';
import { ChallengeFacts1765000000000 } from './migrations/1765000000000-challenge-facts';
import { MatchingEngine1764300000000 } from './migrations/1764300000000-matching-engine';
import { RunAttemptsRetention1764500000000 } from './migrations/1764500000000-run-attempts-retention';
import { Dispatch1764600000000 } from './migrations/1764600000000-dispatch';
import { DispatchClocks1766100000000 } from './migrations/1766100000000-dispatch-clocks';
import { WorkflowRatings1764610000000 } from './migrations/1764610000000-workflow-ratings';
import { ProfileRecords1766000000000 } from './migrations/1766000000000-profile-records';
import { CandidateDispute } from './profiles/candidate-dispute.entity';
import { CandidateProfile } from './profiles/candidate-profile.entity';
import { CandidateRating } from './profiles/candidate-rating.entity';
import { MatchOverride } from './ranking/match-override.entity';
import { MatchRun } from './ranking/match-run.entity';

export const DATABASE: ServiceDatabase = {
  entities: [Application, KnownChallenge, CandidateProfile, CandidateRating, CandidateDispute, MatchRun, MatchOverride, AssignmentRun],
  migrations: [
    KnownChallenges1764201800000, MatchingEngine1764300000000, RunAttemptsRetention1764500000000, ...TIMERS_MIGRATIONS,
    Dispatch1764600000000,
    WorkflowRatings1764610000000,
    ChallengeFacts1765000000000,
    Applications1765000100000,
    Reviews1765000200000,
    ReviewCompletion1765000300000,
    Award1765000400000,
    ProfileRecords1766000000000,
    DispatchClocks1766100000000,
  ],
};

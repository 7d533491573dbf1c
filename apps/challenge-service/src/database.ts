import type { ServiceDatabase } from '@jiebang/service-kit';
import { TIMERS_MIGRATIONS } from '@jiebang/timers';
import { ChallengeTransition } from './challenges/challenge-transition.entity';
import { Challenge } from './challenges/challenge.entity';
import { EnterpriseTransition } from './enterprises/enterprise-transition.entity';
import { Enterprise } from './enterprises/enterprise.entity';
import { Challenges1764201700000 } from './migrations/1764201700000-challenges';
import { VettingEscalation1764400100000 } from './migrations/1764400100000-vetting-escalation';
import { Enterprises1764500000000 } from './migrations/1764500000000-enterprises';
import { ChallengeLifecycle1764600000000 } from './migrations/1764600000000-challenge-lifecycle';
import { ChallengeTerms1764600100000 } from './migrations/1764600100000-challenge-terms';
import { ChallengeQuestions1764600200000 } from './migrations/1764600200000-challenge-questions';
import { Projects1764500100000 } from './migrations/1764500100000-projects';
import { ServiceOrders1764700000000 } from './migrations/1764700000000-service-orders';
import { Award1766000000000 } from './migrations/1766000000000-award';
import { ShareRow, TrancheRow } from './projects/ledger.entity';
import { MilestoneRow, ProjectRow } from './projects/project.entity';
import { ProjectTransitionRow } from './projects/project-transition.entity';
import { ServiceOrderRating } from './service-orders/service-order-rating.entity';
import { ServiceOrderTimeline } from './service-orders/service-order-timeline.entity';
import { ServiceOrder } from './service-orders/service-order.entity';

export const DATABASE: ServiceDatabase = {
  entities: [
    Challenge, ChallengeTransition, Enterprise, EnterpriseTransition,
    ProjectRow, MilestoneRow, ShareRow, TrancheRow, ProjectTransitionRow,
    ServiceOrder, ServiceOrderTimeline, ServiceOrderRating,
  ],
  migrations: [
    Challenges1764201700000, ...TIMERS_MIGRATIONS, VettingEscalation1764400100000, Enterprises1764500000000, Projects1764500100000,
    ChallengeLifecycle1764600000000, ChallengeTerms1764600100000, ChallengeQuestions1764600200000,
    ServiceOrders1764700000000,
    Award1766000000000,
  ],
};

import type { ServiceDatabase } from '@jiebang/service-kit';
import { ChallengeTransition } from './challenges/challenge-transition.entity';
import { Challenge } from './challenges/challenge.entity';
import { Challenges1764201700000 } from './migrations/1764201700000-challenges';

export const DATABASE: ServiceDatabase = {
  entities: [Challenge, ChallengeTransition],
  migrations: [Challenges1764201700000],
};

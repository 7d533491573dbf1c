import type { ServiceDatabase } from '@jiebang/service-kit';
import { KnownChallenge } from './challenges/known-challenge.entity';
import { KnownChallenges1764201800000 } from './migrations/1764201800000-known-challenges';

export const DATABASE: ServiceDatabase = {
  entities: [KnownChallenge],
  migrations: [KnownChallenges1764201800000],
};

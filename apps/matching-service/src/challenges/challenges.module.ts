import { Module } from '@nestjs/common';
import { RankingModule } from '../ranking/ranking.module';
import { ChallengeCandidatesController } from './challenge-candidates.controller';
import { ChallengeEvents } from './challenge.events';
import { KnownChallengesService } from './known-challenges.service';

@Module({
  imports: [RankingModule],
  controllers: [ChallengeCandidatesController],
  providers: [KnownChallengesService, ChallengeEvents],
  exports: [KnownChallengesService],
})
export class ChallengesModule {}

import { Module } from '@nestjs/common';
import { ChallengeEvents } from './challenge.events';
import { KnownChallengesService } from './known-challenges.service';

@Module({ providers: [KnownChallengesService, ChallengeEvents], exports: [KnownChallengesService] })
export class ChallengesModule {}

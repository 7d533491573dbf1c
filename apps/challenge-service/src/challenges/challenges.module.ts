import { Module } from '@nestjs/common';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { ChallengesController } from './challenges.controller';
import { ChallengesService } from './challenges.service';
import { VettingClock } from './vetting-clock';
import { VettingOverdueTimer } from './vetting-overdue.timer';

@Module({
  imports: [EnterprisesModule],
  controllers: [ChallengesController],
  providers: [ChallengesService, VettingClock, VettingOverdueTimer],
})
export class ChallengesModule {}

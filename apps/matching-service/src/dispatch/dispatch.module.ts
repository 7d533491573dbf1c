import { Module } from '@nestjs/common';
import { ProfilesModule } from '../profiles/profiles.module';
import { RankingModule } from '../ranking/ranking.module';
import { DispatchClocks } from './dispatch-clocks';
import { DispatchController } from './dispatch.controller';
import { DispatchEvents } from './dispatch-events';
import { ServiceOrderEvents } from './dispatch.events';
import { DispatchRecommendationService } from './dispatch-recommendation.service';
import { DispatchService } from './dispatch.service';
import { DispatchSteps } from './dispatch-steps';
import { DispatchStore } from './dispatch.store';
import { DispatchTeamController } from './dispatch-team.controller';
import { DispatchTeamService } from './dispatch-team.service';
import { DispatchTimers } from './dispatch-timers';
import { DispatchViews } from './dispatch-views';
import { TeamEligibility } from './team-eligibility';
import { TeamLoad } from './team-load';
import { TeamReputation } from './team-reputation';

/** Dispatch of service orders: the district's queue and recommendation, offers to teams, service, SLA clocks. */
@Module({
  imports: [RankingModule, ProfilesModule],
  controllers: [DispatchController, DispatchTeamController],
  providers: [
    DispatchStore,
    DispatchEvents,
    DispatchClocks,
    DispatchSteps,
    DispatchService,
    DispatchRecommendationService,
    DispatchTeamService,
    DispatchTimers,
    DispatchViews,
    ServiceOrderEvents,
    TeamEligibility,
    TeamLoad,
    TeamReputation,
  ],
})
export class DispatchModule {}

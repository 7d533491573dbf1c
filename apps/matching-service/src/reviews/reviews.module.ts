import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ReviewAssignmentController } from './review-assignment.controller';
import { ReviewAssignmentService } from './review-assignment.service';
import { ReviewDueTimer } from './review-due.timer';
import { ReviewStore } from './review.store';
import { ReviewCompletionService } from './review-completion.service';
import { ReviewReplacementService } from './review-replacement.service';
import { ReviewReopeningService } from './review-reopening.service';
import { ReviewChallengeEvents } from './review.events';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [ApplicationsModule],
  controllers: [ReviewAssignmentController, ReviewsController],
  providers: [ReviewStore, ReviewAssignmentService, ReviewDueTimer, ReviewsService, ReviewCompletionService, ReviewReplacementService, ReviewReopeningService, ReviewChallengeEvents],
})
export class ReviewsModule {}

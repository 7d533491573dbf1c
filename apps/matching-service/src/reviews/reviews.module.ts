import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module';
import { ReviewAssignmentController } from './review-assignment.controller';
import { ReviewAssignmentService } from './review-assignment.service';
import { ReviewDueTimer } from './review-due.timer';
import { ReviewStore } from './review.store';
import { ReviewsController } from './reviews.controller';

@Module({
  imports: [ApplicationsModule],
  controllers: [ReviewAssignmentController, ReviewsController],
  providers: [ReviewStore, ReviewAssignmentService, ReviewDueTimer],
})
export class ReviewsModule {}

import { Global, Module } from '@nestjs/common';
import { AssignmentQueue } from './assignment.queue';
import { AssignmentsController } from './assignments.controller';
import { AssignmentsService } from './assignments.service';

/** Global so the service's readiness check can ask the queue, and review can run its expert assignment. */
@Global()
@Module({ controllers: [AssignmentsController], providers: [AssignmentQueue, AssignmentsService], exports: [AssignmentQueue, AssignmentsService] })
export class AssignmentModule {}

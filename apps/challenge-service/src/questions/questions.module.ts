import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module';
import { QuestionsController } from './questions.controller';
import { QuestionsService } from './questions.service';

@Module({ imports: [ChallengesModule], controllers: [QuestionsController], providers: [QuestionsService] })
export class QuestionsModule {}

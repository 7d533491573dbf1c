import { Module } from '@nestjs/common';
import { ChallengesModule } from '../challenges/challenges.module';
import { ObjectionsController } from './objections.controller';
import { ObjectionsService } from './objections.service';

@Module({ imports: [ChallengesModule], controllers: [ObjectionsController], providers: [ObjectionsService] })
export class ObjectionsModule {}

import { Module } from '@nestjs/common';
import { RankingController } from './ranking.controller';
import { RankingService } from './ranking.service';
import { RunRetention } from './run-retention';

@Module({ controllers: [RankingController], providers: [RankingService, RunRetention], exports: [RankingService] })
export class RankingModule {}

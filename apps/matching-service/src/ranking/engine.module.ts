import { Global, Module } from '@nestjs/common';
import { ProfileIndexSync } from '../profiles/profile-index.sync';
import { DEPLOYMENT_WEIGHTS, ENGINE_PROVIDERS } from './engine.provider';
import { RankingEngine } from '../engine/ranking.engine';

/**
 * The process's one ranking engine (its jieba dictionary takes a moment and some memory to load) and the sync that
 * keeps its index equal to Postgres. Global: every feature ranks, and readiness reports on the index.
 */
@Global()
@Module({
  providers: [...ENGINE_PROVIDERS, ProfileIndexSync],
  exports: [RankingEngine, DEPLOYMENT_WEIGHTS, ProfileIndexSync],
})
export class EngineModule {}

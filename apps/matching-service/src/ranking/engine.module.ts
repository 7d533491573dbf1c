import { Global, Module } from '@nestjs/common';
import { RankingEngine } from '../engine/ranking.engine';
import { DEPLOYMENT_WEIGHTS, ENGINE_PROVIDERS } from './engine.provider';
import { ProfileIndexSync } from './profile-index.sync';

/**
 * The process's one ranking engine (its jieba dictionary takes a moment and some memory to load) and the sync that
 * keeps its index equal to Postgres. Global: every feature ranks, and readiness reports on the index.
 *
 * The sync, its loader and its listener live here beside the engine, not in profiles/, so the folders depend one
 * way: engine/ (pure) ← ranking/ (the engine in this process) ← profiles/, assignment/, challenges/. The index
 * belongs to the engine and follows the profile tables; profiles/ only writes them and asks for a refresh.
 */
@Global()
@Module({
  providers: [...ENGINE_PROVIDERS, ProfileIndexSync],
  exports: [RankingEngine, DEPLOYMENT_WEIGHTS, ProfileIndexSync],
})
export class EngineModule {}

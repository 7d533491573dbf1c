import { Module } from '@nestjs/common';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesService } from './enterprises.service';

/** 企业档案 and their verification; exports the submission gate other aggregates (榜单, service orders) pass through. */
@Module({ controllers: [EnterprisesController], providers: [EnterprisesService], exports: [EnterprisesService] })
export class EnterprisesModule {}

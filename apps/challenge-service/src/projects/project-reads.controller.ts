import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { challengeIdSchema, listProjectsSchema, projectIdSchema, type ListProjectsQuery } from './project.dto';
import { ProjectReadsService } from './project-reads.service';

@ApiTags('projects 项目')
@Controller()
export class ProjectReadsController {
  constructor(private readonly reads: ProjectReadsService) {}

  @Get('projects')
  @ApiOperation({ summary: '项目列表（揭榜方本单位、企业本企业榜单、区县本区县、市科技局全部）' })
  list(@ZodQuery(listProjectsSchema) query: ListProjectsQuery, @CurrentPrincipal() principal: Principal) {
    return this.reads.list(principal, query);
  }

  @Get('projects/:id')
  @ApiOperation({ summary: '项目详情（含里程碑及各期拨付）' })
  get(@ZodParam('id', projectIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reads.get(id, principal);
  }

  @Get('projects/:id/ledger')
  @ApiOperation({ summary: '项目分期台账：计划、已批准、已支付' })
  ledger(@ZodParam('id', projectIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reads.ledger(id, principal);
  }

  @Get('projects/:id/history')
  @ApiOperation({ summary: '项目流转记录（审计）' })
  history(@ZodParam('id', projectIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reads.history(id, principal);
  }

  @Get('challenges/:id/ledger')
  @Roles('enterprise', 'bureau', 'admin')
  @ApiOperation({ summary: '榜单资金台账：每期各项目份额及留存' })
  challengeLedger(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.reads.challengeLedger(id, principal);
  }
}

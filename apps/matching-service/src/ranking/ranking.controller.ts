import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { overrideSchema, rankRequestSchema, runIdSchema, type OverrideInput, type RankRequest } from './ranking.dto';
import { RankingService } from './ranking.service';

@ApiTags('matching 匹配')
@Controller('matching')
export class RankingController {
  constructor(private readonly ranking: RankingService) {}

  @Post('rank')
  @HttpCode(200)
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '为请求中描述的需求排序候选方（附逐项得分与命中词）' })
  rank(@ZodBody(rankRequestSchema) body: RankRequest, @CurrentPrincipal() principal: Principal) {
    const { k, weights, ...need } = body;
    return this.ranking.rank(principal, { need, k, weights, subject: { type: 'need', id: null } });
  }

  @Get('runs/:id')
  @ApiOperation({ summary: '查看一次匹配的需求、权重、结果与人工选择记录' })
  run(@ZodParam('id', runIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.ranking.run(principal, id);
  }

  @Post('runs/:id/overrides')
  @Roles('district', 'bureau', 'admin')
  @ApiOperation({ summary: '区县在推荐名单之外人工选择候选方（须写明理由）' })
  override(
    @ZodParam('id', runIdSchema) id: string,
    @ZodBody(overrideSchema) body: OverrideInput,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.ranking.override(principal, id, body);
  }
}

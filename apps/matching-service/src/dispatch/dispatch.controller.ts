import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { DispatchRecommendationService } from './dispatch-recommendation.service';
import {
  dispatchIdSchema,
  listDispatchesSchema,
  rankingBodySchema,
  reasonBodySchema,
  recommendationSchema,
  type ListDispatchesQuery,
  type RankingBody,
  type ReasonBody,
  type RecommendationInput,
} from './dispatch.dto';
import { DispatchService } from './dispatch.service';
import { DispatchViews } from './dispatch-views';

/** 区县推荐: the district office's queue and commands. */
@ApiTags('dispatch 区县推荐与服务')
@Controller('dispatches')
export class DispatchController {
  constructor(
    private readonly dispatches: DispatchService,
    private readonly recommendations: DispatchRecommendationService,
    private readonly views: DispatchViews,
  ) {}

  @Get()
  @ApiOperation({ summary: '服务单列表：区县的待办队列（sort=sla 按剩余工作日）、团队的邀约与服务' })
  list(@ZodQuery(listDispatchesSchema) query: ListDispatchesQuery, @CurrentPrincipal() principal: Principal) {
    return this.views.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '服务单详情（邀约、服务记录、督办与流转记录）' })
  get(@ZodParam('id', dispatchIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.views.get(id, principal);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县受理服务单' })
  accept(@ZodParam('id', dispatchIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.dispatches.accept(id, p, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/return')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县退回企业补充信息' })
  return(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.dispatches.returnToEnterprise(id, p, body.reason, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县不予受理（须写明理由）' })
  reject(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.dispatches.reject(id, p, body.reason, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/ranking')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '为服务单匹配团队（记录在案，附逐项得分与命中词）' })
  rank(@ZodParam('id', dispatchIdSchema) id: string, @ZodBody(rankingBodySchema) body: RankingBody, @CurrentPrincipal() p: Principal) {
    return this.recommendations.rank(id, p, body.k);
  }

  @Post(':id/recommendation')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县推荐团队（按顺序邀约，名单外须写明理由）' })
  recommend(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(recommendationSchema) body: RecommendationInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.recommendations.recommend(id, p, body, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }
}

import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import {
  challengeIdSchema,
  createChallengeSchema,
  editChallengeSchema,
  listChallengesSchema,
  type CreateChallengeInput,
  type EditChallengeInput,
  type ListChallengesQuery,
} from './challenge.dto';
import { ChallengesService } from './challenges.service';

@ApiTags('challenges 榜单')
@Controller('challenges')
export class ChallengesController {
  constructor(private readonly challenges: ChallengesService) {}

  @Post()
  @Roles('enterprise')
  @ApiOperation({ summary: '企业起草榜单（草稿）' })
  create(
    @ZodBody(createChallengeSchema) body: CreateChallengeInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.challenges.createDraft(principal, body, commandContext(principal, correlationId));
  }

  @Patch(':id')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业修改榜单（草稿或退回修改时）' })
  edit(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(editChallengeSchema) body: EditChallengeInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.challenges.edit(id, principal, body, commandContext(principal, correlationId));
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业提交榜单，进入专家论证' })
  submit(
    @ZodParam('id', challengeIdSchema) id: string,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.challenges.submit(id, principal, commandContext(principal, correlationId));
  }

  @Get()
  @ApiOperation({ summary: '榜单列表（按调用者范围：本企业、本区县、全市或已发布）' })
  list(@ZodQuery(listChallengesSchema) query: ListChallengesQuery, @CurrentPrincipal() principal: Principal) {
    return this.challenges.list(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: '榜单详情' })
  get(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.challenges.get(id, principal);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '榜单流转记录（审计）' })
  history(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.challenges.history(id, principal);
  }
}

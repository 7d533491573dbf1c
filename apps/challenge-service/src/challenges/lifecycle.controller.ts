import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import {
  challengeIdSchema,
  commentsBodySchema,
  extendDeadlineSchema,
  reasonBodySchema,
  type CommentsBody,
  type ExtendDeadlineBody,
  type ReasonBody,
} from './challenge.dto';
import { PublicationService } from './publication.service';
import { VettingService } from './vetting.service';
import { WithdrawalService } from './withdrawal.service';

/** The 榜单's transitions after submission: vetting, publication, the application period, withdrawal. */
@ApiTags('challenges 榜单')
@Controller('challenges/:id')
export class LifecycleController {
  constructor(
    private readonly vetting: VettingService,
    private readonly publication: PublicationService,
    private readonly withdrawal: WithdrawalService,
  ) {}

  @Post('vetting/start')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '市科技局启动专家论证' })
  startVetting(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.vetting.start(id, commandContext(p, c));
  }

  @Post('vetting/approve')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '论证通过，待发榜' })
  approve(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.vetting.approve(id, commandContext(p, c));
  }

  @Post('vetting/return')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '论证退回修改' })
  returnForChanges(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(commentsBodySchema) body: CommentsBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.vetting.return(id, body.comments, commandContext(p, c));
  }

  @Post('vetting/reject')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '论证驳回' })
  reject(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.vetting.reject(id, body.reason, commandContext(p, c));
  }

  @Post('publish')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '发榜（截止时自动关闭揭榜）' })
  publish(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.publication.publish(id, commandContext(p, c));
  }

  @Post('deadline')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '延长揭榜截止时间' })
  extendDeadline(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(extendDeadlineSchema) body: ExtendDeadlineBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.publication.extendDeadline(id, new Date(body.deadlineAt), body.reason, commandContext(p, c));
  }

  @Post('close')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '提前截止揭榜' })
  close(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.publication.close(id, body.reason, commandContext(p, c));
  }

  @Post('withdraw')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业撤榜（发榜后为撤榜申请）' })
  withdraw(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.withdrawal.withdraw(id, p, body.reason, commandContext(p, c));
  }

  @Post('withdrawal/approve')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '批准撤榜申请' })
  approveWithdrawal(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.withdrawal.decide(id, true, body.reason, commandContext(p, c));
  }

  @Post('withdrawal/deny')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '驳回撤榜申请' })
  denyWithdrawal(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.withdrawal.decide(id, false, body.reason, commandContext(p, c));
  }
}

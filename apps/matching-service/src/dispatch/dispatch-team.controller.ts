import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import {
  deliverBodySchema,
  dispatchIdSchema,
  reasonBodySchema,
  serviceRecordBodySchema,
  type DeliverBody,
  type ReasonBody,
  type ServiceRecordBody,
} from './dispatch.dto';
import { DispatchTeamService } from './dispatch-team.service';
import { DispatchViews } from './dispatch-views';

/** 科技特派员团服务: the offered team's answers and its service. */
@ApiTags('dispatch 区县推荐与服务')
@Controller('dispatches')
@Roles('team')
export class DispatchTeamController {
  constructor(
    private readonly team: DispatchTeamService,
    private readonly views: DispatchViews,
  ) {}

  @Post(':id/offer/accept')
  @HttpCode(200)
  @ApiOperation({ summary: '团队接单' })
  accept(@ZodParam('id', dispatchIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.team.accept(id, p, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/offer/decline')
  @HttpCode(200)
  @ApiOperation({ summary: '团队婉拒邀约（须写明理由），转下一团队' })
  decline(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.team.decline(id, p, body.reason, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/start')
  @HttpCode(200)
  @ApiOperation({ summary: '团队开始服务' })
  start(@ZodParam('id', dispatchIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.team.start(id, p, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/records')
  @ApiOperation({ summary: '团队填写服务记录' })
  log(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(serviceRecordBodySchema) body: ServiceRecordBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.team.log(id, p, body, commandContext(p, correlationId));
  }

  @Post(':id/wait')
  @HttpCode(200)
  @ApiOperation({ summary: '等待企业（服务时限暂停）' })
  wait(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.team.wait(id, p, body.reason, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复服务（服务时限按剩余工作时间重新计时）' })
  resume(@ZodParam('id', dispatchIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.team.resume(id, p, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @ApiOperation({ summary: '团队交付（附服务总结）' })
  deliver(
    @ZodParam('id', dispatchIdSchema) id: string,
    @ZodBody(deliverBodySchema) body: DeliverBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.team.deliver(id, p, body.summary, commandContext(p, correlationId)).then((s) => this.views.get(s.id, p));
  }
}

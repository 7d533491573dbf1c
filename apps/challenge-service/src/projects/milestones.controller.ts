import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { MilestonesService } from './milestones.service';
import { commentsSchema, milestoneIndexSchema, paymentSchema, projectIdSchema, submitMilestoneSchema, type PaymentInput, type SubmitMilestoneInput } from './project.dto';

@ApiTags('projects 项目')
@Controller('projects/:id/milestones/:n')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Post('submit')
  @HttpCode(200)
  @Roles('solver', 'team')
  @ApiOperation({ summary: '揭榜方提交里程碑成果（启动企业审核时限）' })
  submit(
    @ZodParam('id', projectIdSchema) id: string,
    @ZodParam('n', milestoneIndexSchema) n: number,
    @ZodBody(submitMilestoneSchema) body: SubmitMilestoneInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.milestones.submit(id, n, body, principal, commandContext(principal, correlationId));
  }

  @Post('approve')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业通过里程碑（该期拨付获批）' })
  approve(@ZodParam('id', projectIdSchema) id: string, @ZodParam('n', milestoneIndexSchema) n: number, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId: string) {
    return this.milestones.approve(id, n, principal, commandContext(principal, correlationId));
  }

  @Post('request-changes')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业要求修改里程碑成果' })
  requestChanges(
    @ZodParam('id', projectIdSchema) id: string,
    @ZodParam('n', milestoneIndexSchema) n: number,
    @ZodBody(commentsSchema) body: { comments: string },
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.milestones.requestChanges(id, n, body.comments, principal, commandContext(principal, correlationId));
  }

  @Post('payments')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业登记该期付款（付清即为已付款）' })
  pay(
    @ZodParam('id', projectIdSchema) id: string,
    @ZodParam('n', milestoneIndexSchema) n: number,
    @ZodBody(paymentSchema) body: PaymentInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.milestones.pay(id, n, body, principal, commandContext(principal, correlationId));
  }
}

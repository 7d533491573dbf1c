import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { ConfirmationService } from './confirmation.service';
import {
  decideAppealSchema,
  idSchema,
  rateSchema,
  reasonBodySchema,
  resolveDisputeSchema,
  type DecideAppealInput,
  type RateInput,
  type ReasonBody,
  type ResolveDisputeInput,
} from './service-order.dto';
import { RatingsService } from './ratings.service';

@ApiTags('service-orders 企业评价')
@Controller('service-orders/:id')
export class RatingsController {
  constructor(
    private readonly confirmation: ConfirmationService,
    private readonly ratings: RatingsService,
  ) {}

  @Post('confirm')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业确认交付' })
  confirm(@ZodParam('id', idSchema) id: string, @CurrentPrincipal() principal: Principal, @CorrelationId() correlationId: string) {
    return this.confirmation.confirm(id, principal, commandContext(principal, correlationId));
  }

  @Post('dispute')
  @HttpCode(200)
  @Roles('enterprise')
  @ApiOperation({ summary: '企业对交付提出争议（由所在区县裁定）' })
  dispute(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.confirmation.dispute(id, principal, body.reason, commandContext(principal, correlationId));
  }

  @Post('dispute/resolve')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县裁定交付争议：确认交付，或由特派员团继续服务' })
  resolve(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(resolveDisputeSchema) body: ResolveDisputeInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.confirmation.resolveDispute(id, principal, body.outcome, body.reason, commandContext(principal, correlationId));
  }

  @Post('rating')
  @Roles('enterprise')
  @ApiOperation({ summary: '企业评价（响应速度、专业能力、解决效果、服务态度，1–5 分），每单一次' })
  rate(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(rateSchema) body: RateInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.ratings.rate(id, principal, body, commandContext(principal, correlationId));
  }

  @Get('rating')
  @ApiOperation({ summary: '订单的评价及其申诉情况' })
  rating(@ZodParam('id', idSchema) id: string, @CurrentPrincipal() principal: Principal) {
    return this.ratings.forOrder(id, principal);
  }

  @Post('rating/appeal')
  @HttpCode(200)
  @Roles('team')
  @ApiOperation({ summary: '服务的特派员团对评价提出申诉（申诉期内，一次）' })
  appeal(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.ratings.appeal(id, principal, body.reason, commandContext(principal, correlationId));
  }

  @Post('rating/appeal/decide')
  @HttpCode(200)
  @Roles('district')
  @ApiOperation({ summary: '区县裁定评价申诉：支持（评价作废）或驳回' })
  decide(
    @ZodParam('id', idSchema) id: string,
    @ZodBody(decideAppealSchema) body: DecideAppealInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.ratings.decideAppeal(id, principal, body, commandContext(principal, correlationId));
  }
}

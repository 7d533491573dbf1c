import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import {
  applicationIdSchema,
  createApplicationSchema,
  editApplicationSchema,
  formalCheckSchema,
  listApplicationsSchema,
  withdrawApplicationSchema,
  type CreateApplicationInput,
  type EditApplicationInput,
  type FormalCheckInput,
  type ListApplicationsQuery,
} from './application.dto';
import { ApplicationsService } from './applications.service';
import { FormalCheckService } from './formal-check.service';
import { SigningService } from './signing.service';

/** Routes on one application are open to every role: the service scopes them, so another party's is a 404. */
@ApiTags('applications 揭榜申请')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly formalCheck: FormalCheckService,
    private readonly signing: SigningService,
  ) {}

  @Post()
  @Roles('solver', 'team')
  @ApiOperation({ summary: '以本单位画像起草揭榜申请（须已接受揭榜须知）' })
  create(@ZodBody(createApplicationSchema) body: CreateApplicationInput, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.applications.createDraft(p, body, commandContext(p, correlationId));
  }

  @Patch(':id')
  @ApiOperation({ summary: '修改申请方案（截止前）' })
  edit(@ZodParam('id', applicationIdSchema) id: string, @ZodBody(editApplicationSchema) body: EditApplicationInput, @CurrentPrincipal() p: Principal) {
    return this.applications.edit(p, id, body);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOperation({ summary: '提交申请（校验揭榜资格）' })
  submit(@ZodParam('id', applicationIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.applications.submit(p, id, commandContext(p, correlationId));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回申请（截止前）' })
  withdraw(
    @ZodParam('id', applicationIdSchema) id: string,
    @ZodBody(withdrawApplicationSchema) body: { reason: string },
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.applications.withdraw(p, id, body.reason, commandContext(p, correlationId));
  }

  @Post(':id/formal-check')
  @HttpCode(200)
  @ApiOperation({ summary: '形式审查：合格、不合格或退回补正（补正仅在截止前）' })
  decide(
    @ZodParam('id', applicationIdSchema) id: string,
    @ZodBody(formalCheckSchema) body: FormalCheckInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.formalCheck.decide(p, id, body.outcome, body.reason ?? null, commandContext(p, correlationId));
  }

  @Post(':id/sign')
  @HttpCode(200)
  @ApiOperation({ summary: '入选方签约（签约期限内）' })
  sign(@ZodParam('id', applicationIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.signing.sign(p, id, commandContext(p, correlationId));
  }

  @Get()
  @ApiOperation({ summary: '申请列表：申请方看本单位的，企业看投向本企业榜单的，市科技局看全部' })
  list(@ZodQuery(listApplicationsSchema) q: ListApplicationsQuery, @CurrentPrincipal() p: Principal) {
    return this.applications.list(p, q);
  }

  @Get(':id')
  @ApiOperation({ summary: '申请详情（含方案）' })
  get(@ZodParam('id', applicationIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.applications.get(p, id);
  }

  @Get(':id/history')
  @ApiOperation({ summary: '申请的状态变更记录' })
  history(@ZodParam('id', applicationIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.applications.history(p, id);
  }
}

import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { acceptanceSchema, midtermSchema, projectIdSchema, reasonBodySchema, type AcceptanceInput, type MidtermInput } from './project.dto';
import { ProjectDecisionsService } from './project-decisions.service';

@ApiTags('projects 项目')
@Controller('projects/:id')
@Roles('bureau')
export class ProjectDecisionsController {
  constructor(private readonly decisions: ProjectDecisionsService) {}

  @Post('midterm')
  @HttpCode(200)
  @ApiOperation({ summary: '中期评估：继续或（赛马制）淘汰' })
  midterm(@ZodParam('id', projectIdSchema) id: string, @ZodBody(midtermSchema) body: MidtermInput, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.midterm(id, body, p, commandContext(p, c));
  }

  @Post('suspend')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停项目' })
  suspend(@ZodParam('id', projectIdSchema) id: string, @ZodBody(reasonBodySchema) body: { reason: string }, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.suspend(id, body.reason, p, commandContext(p, c));
  }

  @Post('resume')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复项目' })
  resume(@ZodParam('id', projectIdSchema) id: string, @ZodBody(reasonBodySchema) body: { reason: string }, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.resume(id, body.reason, p, commandContext(p, c));
  }

  @Post('acceptance/start')
  @HttpCode(200)
  @ApiOperation({ summary: '启动验收' })
  startAcceptance(@ZodParam('id', projectIdSchema) id: string, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.startAcceptance(id, p, commandContext(p, c));
  }

  @Post('acceptance')
  @HttpCode(200)
  @ApiOperation({ summary: '验收结论：通过，或不通过（整改，超过整改次数则终止）' })
  decideAcceptance(@ZodParam('id', projectIdSchema) id: string, @ZodBody(acceptanceSchema) body: AcceptanceInput, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.decideAcceptance(id, body, p, commandContext(p, c));
  }

  @Post('terminate')
  @HttpCode(200)
  @ApiOperation({ summary: '终止项目（未批准资金留存）' })
  terminate(@ZodParam('id', projectIdSchema) id: string, @ZodBody(reasonBodySchema) body: { reason: string }, @CurrentPrincipal() p: Principal, @CorrelationId() c: string) {
    return this.decisions.terminate(id, body.reason, p, commandContext(p, c));
  }
}

import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, ZodBody, ZodParam } from '@jiebang/service-kit';
import { challengeIdSchema, reviewAssignmentSchema, runIdSchema, type ReviewAssignmentInput } from './review-assignment.dto';
import { ReviewAssignmentService } from './review-assignment.service';
import { ReviewCompletionService } from './review-completion.service';

/** The bureau's; the service answers anyone else with 404 (a round is not another party's to know of). */
@ApiTags('reviews 专家评审')
@Controller('challenges/:cid/review')
export class ReviewAssignmentController {
  constructor(
    private readonly assignment: ReviewAssignmentService,
    private readonly completion: ReviewCompletionService,
  ) {}

  @Post('assignment')
  @HttpCode(202)
  @ApiOperation({ summary: '为形式审查合格的申请分配评审专家（HiGHS 批量分配，自动回避）；返回分配任务' })
  async request(
    @ZodParam('cid', challengeIdSchema) cid: string,
    @ZodBody(reviewAssignmentSchema) body: ReviewAssignmentInput,
    @CurrentPrincipal() p: Principal,
  ) {
    const run = await this.assignment.request(p, cid, body);
    return { id: run.id, status: run.status, stage: run.stage, progress: run.progress, createdAt: run.createdAt };
  }

  @Post('assignment/:runId/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: '确认分配结果：生成评审任务，申请进入专家评审，开始评审期' })
  confirm(
    @ZodParam('cid', challengeIdSchema) cid: string,
    @ZodParam('runId', runIdSchema) runId: string,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.assignment.confirm(p, cid, runId, commandContext(p, correlationId));
  }

  @Post('complete')
  @HttpCode(200)
  @ApiOperation({ summary: '结束评审：计算加权得分与排名（并列按技术得分、提交先后），拟入选、候补与未入选' })
  complete(@ZodParam('cid', challengeIdSchema) cid: string, @CurrentPrincipal() p: Principal, @CorrelationId() correlationId: string) {
    return this.completion.complete(p, cid, commandContext(p, correlationId));
  }
}

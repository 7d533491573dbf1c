import { Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, ZodBody, ZodParam } from '@jiebang/service-kit';
import { z } from 'zod';
import { conflictSchema, replaceSchema, scoreSchema, type ScoreInput } from './review-scoring.dto';
import { ReviewReplacementService } from './review-replacement.service';
import { ReviewStore } from './review.store';
import { ReviewsService } from './reviews.service';

const reviewIdSchema = z.uuid({ message: '评审任务编号格式不正确' });
const notFound = (id: string) => DomainError.notFound('REVIEW_NOT_FOUND', '评审任务不存在或无权查看', { id });

/** An expert's own reviews and their material; nobody else has reviews here, so everyone else sees none. */
@ApiTags('reviews 专家评审')
@Controller('reviews')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewStore,
    private readonly commands: ReviewsService,
    private readonly replacement: ReviewReplacementService,
  ) {}

  @Get()
  @ApiOperation({ summary: '本人的评审任务（含申请材料；已回避的不含）' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: p.role === 'expert' ? await this.reviews.listOwn(p.sub) : [] };
  }

  @Get(':id')
  @ApiOperation({ summary: '一项评审任务及其申请材料；评审结束后附本申请全部专家的评分' })
  async get(@ZodParam('id', reviewIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    const [found] = p.role === 'expert' ? await this.reviews.listOwn(p.sub, id) : [];
    if (!found) throw notFound(id);
    return { ...found, panel: await this.reviews.panel(id) };
  }

  @Post(':id/conflict')
  @HttpCode(200)
  @ApiOperation({ summary: '申请回避：该评审任务作废，申请材料不再可见' })
  conflict(
    @ZodParam('id', reviewIdSchema) id: string,
    @ZodBody(conflictSchema) body: { reason: string },
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.commands.declareConflict(p, id, body.reason, commandContext(p, correlationId));
  }

  @Put(':id/score')
  @ApiOperation({ summary: '按评分细则打分（技术、团队、可行性各 0–100）并填写评语；评审结束前可修改' })
  score(@ZodParam('id', reviewIdSchema) id: string, @ZodBody(scoreSchema) body: ScoreInput, @CurrentPrincipal() p: Principal) {
    return this.commands.score(p, id, body);
  }

  @Post(':id/replace')
  @HttpCode(200)
  @ApiOperation({ summary: '市科技局替换评审专家（校验回避）' })
  replace(
    @ZodParam('id', reviewIdSchema) id: string,
    @ZodBody(replaceSchema) body: { expertProfileId: string },
    @CurrentPrincipal() p: Principal,
    @CorrelationId() correlationId: string,
  ) {
    return this.replacement.replace(p, id, body.expertProfileId, commandContext(p, correlationId));
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DomainError, type Principal } from '@jiebang/contracts';
import { CurrentPrincipal, ZodParam } from '@jiebang/service-kit';
import { z } from 'zod';
import { ReviewStore } from './review.store';

const reviewIdSchema = z.uuid({ message: '评审任务编号格式不正确' });
const notFound = (id: string) => DomainError.notFound('REVIEW_NOT_FOUND', '评审任务不存在或无权查看', { id });

/** An expert's own reviews and their material; nobody else has reviews here, so everyone else sees none. */
@ApiTags('reviews 专家评审')
@Controller('reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewStore) {}

  @Get()
  @ApiOperation({ summary: '本人的评审任务（含申请材料；已回避的不含）' })
  async list(@CurrentPrincipal() p: Principal) {
    return { items: p.role === 'expert' ? await this.reviews.listOwn(p.sub) : [] };
  }

  @Get(':id')
  @ApiOperation({ summary: '一项评审任务及其申请材料' })
  async get(@ZodParam('id', reviewIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    const [found] = p.role === 'expert' ? await this.reviews.listOwn(p.sub, id) : [];
    if (!found) throw notFound(id);
    return found;
  }
}

import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { z } from 'zod';
import { challengeIdSchema } from '../challenges/challenge.dto';
import { QuestionsService } from './questions.service';

const askSchema = z.strictObject({ question: z.string().trim().min(1).max(2000) });
const answerSchema = z.strictObject({ answer: z.string().trim().min(1).max(4000) });
const questionIdSchema = z.uuid({ message: '问题编号格式不正确' });

@ApiTags('questions 答疑')
@Controller('challenges/:id/questions')
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post()
  @Roles('solver', 'team')
  @ApiOperation({ summary: '揭榜方就揭榜中的榜单提问' })
  ask(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(askSchema) body: z.infer<typeof askSchema>,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.questions.ask(id, p, body.question, commandContext(p, c));
  }

  @Post(':qid/answer')
  @HttpCode(200)
  @Roles('enterprise', 'bureau')
  @ApiOperation({ summary: '发榜企业或市科技局答复问题' })
  answer(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodParam('qid', questionIdSchema) qid: string,
    @ZodBody(answerSchema) body: z.infer<typeof answerSchema>,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.questions.answer(id, qid, p, body.answer, commandContext(p, c));
  }

  @Get()
  @ApiOperation({ summary: '答疑记录（提问方仅对企业、市科技局和提问方本身可见）' })
  list(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.questions.list(id, p);
  }
}

import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { attachmentSchema, type Principal } from '@jiebang/contracts';
import { commandContext, CorrelationId, CurrentPrincipal, Roles, ZodBody, ZodParam } from '@jiebang/service-kit';
import { z } from 'zod';
import { challengeIdSchema, reasonBodySchema, type ReasonBody } from '../challenges/challenge.dto';
import { ObjectionsService } from './objections.service';

const lodgeSchema = z.strictObject({
  reasons: z.array(z.string().trim().min(1).max(2000)).min(1, { message: '请至少写明一条异议理由' }).max(10),
  /** References to files already stored (name and where), as every attachment on the platform. */
  evidence: z.array(z.strictObject(attachmentSchema.shape)).max(20).default([]),
});
const upholdSchema = reasonBodySchema.extend({
  applicationIds: z.array(z.uuid({ message: '申请编号格式不正确' })).min(1, { message: '请指明需要重新评审的申请' }).max(20),
});
const objectionIdSchema = z.uuid({ message: '异议编号格式不正确' });

/**
 * 公示 objections. Anyone signed in who can see the 榜单 may object, except the bureau, which decides them (and the
 * platform's operators): 403 for those roles, 404 for a 榜单 the caller cannot see.
 */
@ApiTags('objections 公示异议')
@Controller('challenges/:id/objections')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Post()
  @Roles('enterprise', 'solver', 'team', 'expert', 'district')
  @ApiOperation({ summary: '公示期内对拟定揭榜方提出异议（理由与证据）' })
  lodge(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodBody(lodgeSchema) body: z.infer<typeof lodgeSchema>,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.objections.lodge(id, p, body.reasons, body.evidence, commandContext(p, c));
  }

  @Get()
  @ApiOperation({ summary: '异议列表（市科技局看全部；发榜企业看全部但不显示异议人；其他人只看本单位提出的）' })
  list(@ZodParam('id', challengeIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.objections.list(id, p);
  }

  @Post(':oid/uphold')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '市科技局认定异议成立：公示中止，所列申请重新评审' })
  uphold(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodParam('oid', objectionIdSchema) oid: string,
    @ZodBody(upholdSchema) body: z.infer<typeof upholdSchema>,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.objections.uphold(id, oid, body.reason, body.applicationIds, commandContext(p, c));
  }

  @Post(':oid/dismiss')
  @HttpCode(200)
  @Roles('bureau')
  @ApiOperation({ summary: '市科技局认定异议不成立：公示继续（公示期已满且无其他异议则定榜）' })
  dismiss(
    @ZodParam('id', challengeIdSchema) id: string,
    @ZodParam('oid', objectionIdSchema) oid: string,
    @ZodBody(reasonBodySchema) body: ReasonBody,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.objections.dismiss(id, oid, body.reason, commandContext(p, c));
  }
}

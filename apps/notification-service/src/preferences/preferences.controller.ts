import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, ZodBody } from '@jiebang/service-kit';
import { z } from 'zod';
import { CATEGORIES, CHANNELS } from '../catalogue/notice';
import { MODES } from './preference.domain';
import { PreferencesService } from './preferences.service';

const preferencesSchema = z.strictObject({
  items: z
    .array(z.strictObject({ category: z.enum(CATEGORIES), channel: z.enum(CHANNELS), mode: z.enum(MODES) }))
    .min(1)
    .max(CATEGORIES.length * CHANNELS.length),
});

@ApiTags('preferences 通知偏好')
@Controller('preferences')
export class PreferencesController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get()
  @ApiOperation({ summary: '本机构本角色的通知偏好（按类别 × 渠道），以及不可关闭的强制通知' })
  list(@CurrentPrincipal() p: Principal) {
    return this.preferences.list(p);
  }

  @Put()
  @ApiOperation({ summary: '设置通知偏好：immediate 即时 / digest 每日摘要（仅邮件、仅低优先级）/ off 关闭（强制通知不受影响）' })
  set(@ZodBody(preferencesSchema) body: z.infer<typeof preferencesSchema>, @CurrentPrincipal() p: Principal) {
    return this.preferences.set(p, body.items);
  }
}

import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import type { z } from 'zod';
import { listWebhooksSchema, registerWebhookSchema, webhookIdSchema, type RegisterWebhookInput } from './webhook.dto';
import { WebhookEndpoints } from './webhook-endpoints.service';

@ApiTags('webhooks 回调')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly endpoints: WebhookEndpoints) {}

  @Post()
  @ApiOperation({ summary: '登记本机构本角色的 Webhook 端点（按通知类别；每角色有上限，同一地址同一类别不可重复）；签名密钥仅在此返回一次' })
  register(@ZodBody(registerWebhookSchema) body: RegisterWebhookInput, @CurrentPrincipal() p: Principal) {
    return this.endpoints.register(p, body);
  }

  @Get()
  @ApiOperation({ summary: '本机构本角色的 Webhook 端点及其状态（不含密钥；分页）' })
  list(@ZodQuery(listWebhooksSchema) q: z.infer<typeof listWebhooksSchema>, @CurrentPrincipal() p: Principal) {
    return this.endpoints.list(p, q);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: '删除 Webhook 端点' })
  remove(@ZodParam('id', webhookIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.endpoints.remove(p, id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: '重新启用因连续失败而停用的端点' })
  enable(@ZodParam('id', webhookIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.endpoints.enable(p, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({ summary: '更换签名密钥（新密钥仅在此返回一次）' })
  rotate(@ZodParam('id', webhookIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.endpoints.rotateSecret(p, id);
  }
}

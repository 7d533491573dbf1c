import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { CurrentPrincipal, ZodQuery } from '@jiebang/service-kit';
import { z } from 'zod';
import { NotificationsService } from './notifications.service';

const inboxQuerySchema = z.strictObject({
  unread: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  category: z.enum(['challenge', 'application', 'project', 'service-order', 'system']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

@ApiTags('notifications 站内信')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: '我的站内信（本机构或本角色；可筛选未读、类别；分页）' })
  inbox(@ZodQuery(inboxQuerySchema) query: z.infer<typeof inboxQuerySchema>, @CurrentPrincipal() principal: Principal) {
    return this.notifications.inbox(principal, query);
  }
}

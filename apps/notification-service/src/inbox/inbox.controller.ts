import { Controller, Get, HttpCode, Post, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { AllowQueryToken, CurrentPrincipal, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import { from, switchMap, type Observable } from 'rxjs';
import type { z } from 'zod';
import { inboxQuerySchema, notificationIdSchema, readAllSchema, streamQuerySchema, type InboxQueryInput } from './inbox.dto';
import { InboxService } from './inbox.service';
import { LiveFeed } from './live-feed';

@ApiTags('notifications 站内信')
@Controller('notifications')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly live: LiveFeed,
  ) {}

  @Get()
  @ApiOperation({ summary: '我的站内信（本机构本角色，或指名给我的；可筛选未读、类别；分页）' })
  list(@ZodQuery(inboxQuerySchema) query: InboxQueryInput, @CurrentPrincipal() p: Principal) {
    return this.inbox.list(p, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: '未读数（总数及按类别）' })
  unread(@CurrentPrincipal() p: Principal) {
    return this.inbox.unreadCount(p);
  }

  @Sse('stream')
  @AllowQueryToken()
  @ApiOperation({ summary: '实时推送（Server-Sent Events）：ready、notification、ping；EventSource 用 ?access_token= 传令牌' })
  stream(@ZodQuery(streamQuerySchema) _query: z.infer<typeof streamQuerySchema>, @CurrentPrincipal() p: Principal): Observable<MessageEvent> {
    return from(this.inbox.unreadCount(p)).pipe(switchMap(({ unread }) => this.live.stream(p, unread)));
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: '全部标为已读（可限定类别）' })
  readAll(@ZodBody(readAllSchema) body: z.infer<typeof readAllSchema>, @CurrentPrincipal() p: Principal) {
    return this.inbox.markAllRead(p, body.category);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '标为已读' })
  read(@ZodParam('id', notificationIdSchema) id: string, @CurrentPrincipal() p: Principal) {
    return this.inbox.markRead(p, id);
  }
}

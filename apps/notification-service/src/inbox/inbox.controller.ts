import { Controller, Get, HttpCode, Post, Req, Sse, SseSignal, type MessageEvent } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Principal } from '@jiebang/contracts';
import { AllowQueryToken, CurrentPrincipal, ZodBody, ZodParam, ZodQuery } from '@jiebang/service-kit';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { z } from 'zod';
import { inboxQuerySchema, notificationIdSchema, readAllSchema, streamQuerySchema, type InboxQueryInput } from './inbox.dto';
import { InboxService } from './inbox.service';
import { LiveFeed } from './live-feed';
import { StreamSlots } from './stream-slots';
import { tokenExpiry } from './token-expiry';

@ApiTags('notifications 站内信')
@Controller('notifications')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly live: LiveFeed,
    private readonly slots: StreamSlots,
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
  @ApiOperation({
    summary: '实时推送（Server-Sent Events）：ready、notification、ping，令牌到期时 expired 后断开；EventSource 用 ?access_token= 传令牌；每人及每实例的连接数有上限（429）',
  })
  async stream(
    @ZodQuery(streamQuerySchema) _query: z.infer<typeof streamQuerySchema>,
    @CurrentPrincipal() p: Principal,
    @Req() req: Request,
    @SseSignal() closed: AbortSignal,
  ): Promise<Observable<MessageEvent>> {
    // Refused before the stream opens, so the refusal is an ordinary 429; the slot is given back however it ends.
    const release = this.slots.take(p);
    closed.addEventListener('abort', release, { once: true });
    const { unread } = await this.inbox.unreadCount(p);
    return this.live.stream(p, unread, tokenExpiry(req));
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

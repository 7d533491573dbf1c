import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@jiebang/contracts';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';

/**
 * Live streams hold a socket and a subscription each for as long as the page is open, so how many one person may
 * hold (tabs, devices) and how many one instance serves are bounded; past either, the stream is refused with 429.
 */
@Injectable()
export class StreamSlots {
  private open = 0;
  private readonly byPerson = new Map<string, number>();

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {}

  /** Takes a slot for the caller; the function returned gives it back, once however often it is called. */
  take(p: Principal): () => void {
    const mine = this.byPerson.get(p.sub) ?? 0;
    if (mine >= this.config.SSE_MAX_STREAMS_PER_PRINCIPAL) {
      throw tooMany('principal', this.config.SSE_MAX_STREAMS_PER_PRINCIPAL, '您打开的实时推送连接过多，请关闭其他页面后再试');
    }
    if (this.open >= this.config.SSE_MAX_STREAMS) throw tooMany('instance', this.config.SSE_MAX_STREAMS, '服务器的实时推送连接已满，请稍后再试');
    this.open++;
    this.byPerson.set(p.sub, mine + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.open--;
      const left = (this.byPerson.get(p.sub) ?? 1) - 1;
      if (left > 0) this.byPerson.set(p.sub, left);
      else this.byPerson.delete(p.sub);
    };
  }
}

function tooMany(scope: 'instance' | 'principal', limit: number, message: string): HttpException {
  return new HttpException({ code: 'SSE_TOO_MANY_STREAMS', message, details: { scope, limit } }, HttpStatus.TOO_MANY_REQUESTS);
}

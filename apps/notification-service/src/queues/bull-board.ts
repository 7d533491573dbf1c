import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { JwtVerifier } from '@jiebang/service-kit';
import type { Express } from 'express';
import { boardAuth } from './board-auth';
import { DeliveryQueues } from './delivery.queues';

export const BOARD_PATH = '/admin/queues';

/**
 * Bull Board (a maintained dashboard) for operators, mounted on the Express instance beside Nest's routes.
 * Registered at module init, i.e. after Nest's routes and before its not-found handler.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: JwtVerifier,
    private readonly queues: DeliveryQueues,
  ) {}

  onModuleInit(): void {
    const server = new ExpressAdapter().setBasePath(BOARD_PATH);
    createBullBoard({ queues: this.queues.all().map((q) => new BullMQAdapter(q)), serverAdapter: server });
    const app = this.adapterHost.httpAdapter?.getInstance<Express>();
    app?.use(BOARD_PATH, boardAuth(this.verifier, BOARD_PATH), server.getRouter());
  }
}

import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { JwtVerifier } from '@jiebang/service-kit';
import type { Express } from 'express';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import { boardAuth } from './board-auth';
import { DeliveryQueues } from './delivery.queues';

export const BOARD_PATH = '/admin/queues';

/** Outside development and tests the board is served over HTTPS only, and so is its cookie. */
export const secureCookies = (nodeEnv: NotificationConfig['NODE_ENV']) => nodeEnv !== 'development' && nodeEnv !== 'test';

/**
 * Bull Board (a maintained dashboard) for operators, mounted on the Express instance beside Nest's routes.
 * Registered at module init, i.e. after Nest's routes and before its not-found handler. Read-only: a retry or a
 * removal there would act on jobs behind the back of the deliveries table (the truth), e.g. re-run a parked job
 * whose row stays parked; operators replay through `/operator/deliveries/…/replay` instead.
 */
@Injectable()
export class BullBoardMount implements OnModuleInit {
  constructor(
    @Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig,
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: JwtVerifier,
    private readonly queues: DeliveryQueues,
  ) {}

  onModuleInit(): void {
    const server = new ExpressAdapter().setBasePath(BOARD_PATH);
    createBullBoard({ queues: this.queues.all().map((q) => new BullMQAdapter(q, { readOnlyMode: true })), serverAdapter: server });
    const app = this.adapterHost.httpAdapter?.getInstance<Express>();
    app?.use(BOARD_PATH, boardAuth(this.verifier, BOARD_PATH, secureCookies(this.config.NODE_ENV)), server.getRouter());
  }
}

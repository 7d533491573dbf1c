import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { CommandContext } from '@jiebang/messaging';
import type { Principal } from '@jiebang/contracts';

/** The request's correlation id (see logger.ts), to be carried into the events a command produces. */
export const CorrelationId = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string => String(ctx.switchToHttp().getRequest<{ id: unknown }>().id),
);

/** The command context of an HTTP request: who acts, and under which correlation id. */
export function commandContext(principal: Principal, correlationId: string): CommandContext {
  return { actor: { id: principal.sub, role: principal.role, orgId: principal.orgId }, correlationId };
}

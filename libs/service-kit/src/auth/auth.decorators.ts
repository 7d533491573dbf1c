import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from '@jiebang/contracts';

export const IS_PUBLIC = 'jiebang:public';
export const ROLES = 'jiebang:roles';
export const QUERY_TOKEN = 'jiebang:query-token';

/** Opens a route to unauthenticated callers (health, docs). Everything else needs a valid token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Also accepts the token as `?access_token=` on this route: browsers' EventSource (SSE) cannot send headers.
 * Only for GET streams; tokens in URLs end up in logs, so keep them short-lived.
 */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN, true);

/** Restricts a route (or controller) to these roles; other authenticated callers get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The verified caller, as parsed from the access token. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Principal, Role } from '@jiebang/contracts';

export const IS_PUBLIC = 'jiebang:public';
export const ROLES = 'jiebang:roles';
export const QUERY_TOKEN = 'jiebang:query-token';

/**
 * Opens a route to unauthenticated callers (health, metrics, the public listing). Everything else needs a valid
 * token. The OpenAPI document says so too (`security: [{}]`, the empty requirement: no credentials needed, overriding
 * the document-wide bearer requirement), so generated clients and scanners do not send or demand a token there. Not
 * `security: []`: @nestjs/swagger drops an empty list set on a method, which left the public listing documented as
 * needing a token (found by the fuzz test).
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), SetMetadata(SWAGGER_SECURITY, [{}]));

/** @nestjs/swagger's metadata key behind `@ApiSecurity` (its constants are not exported); an empty list = no auth. */
const SWAGGER_SECURITY = 'swagger/apiSecurity';

/**
 * Also accepts the token as `?access_token=` on this route: browsers' EventSource (SSE) cannot send headers.
 * Only for GET streams; tokens in URLs end up in logs, so keep them short-lived.
 */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN, true);

/**
 * Restricts a route (or controller) to these roles; other authenticated callers get 403. The OpenAPI operation lists
 * them as `x-roles` (a method's list wins over its controller's, as in the guard), so clients and the fuzz test know
 * whom to call as.
 */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiExtension('x-roles', roles));

export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The verified caller, as parsed from the access token. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a public route');
  return principal;
});

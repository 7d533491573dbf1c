import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ROLE_LABELS, type Role } from '@jiebang/contracts';
import type { Request } from 'express';
import { IS_PUBLIC, QUERY_TOKEN, ROLES, type AuthenticatedRequest } from './auth.decorators';
import { IdentityProviderUnavailable, InvalidTokenError, JwtVerifier } from './jwt-verifier';

const MESSAGES: Record<InvalidTokenError['code'], string> = {
  AUTH_TOKEN_INVALID: '登录凭证无效，请重新登录',
  AUTH_TOKEN_EXPIRED: '登录已过期，请重新登录',
  AUTH_CLAIMS_INVALID: '登录凭证缺少必要的身份信息',
};

/** Deny by default: every HTTP route needs a verified bearer token unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const queryToken = this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN, targets);
    req.principal = await this.authenticate(req, queryToken);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(req.principal.role)) {
      throw DomainError.forbidden('AUTH_ROLE_FORBIDDEN', `此操作仅限${roles.map((r) => ROLE_LABELS[r]).join('、')}`, {
        requiredRoles: roles,
        role: req.principal.role,
      });
    }
    return true;
  }

  private async authenticate(req: Request, allowQueryToken: boolean) {
    const header = req.headers.authorization;
    const fromQuery = allowQueryToken && typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : fromQuery;
    if (!token) {
      throw new DomainError('unauthenticated', 'AUTH_REQUIRED', '需要登录：请在 Authorization 头中携带 Bearer 令牌');
    }
    try {
      return await this.verifier.verify(token);
    } catch (e) {
      if (e instanceof InvalidTokenError) {
        throw new DomainError('unauthenticated', e.code, MESSAGES[e.code], { reason: e.message });
      }
      if (e instanceof IdentityProviderUnavailable) {
        throw new DomainError('unavailable', 'AUTH_PROVIDER_UNAVAILABLE', '身份认证服务暂时不可用，请稍后重试');
      }
      throw e;
    }
  }
}

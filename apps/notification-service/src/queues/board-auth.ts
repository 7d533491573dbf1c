import type { Role } from '@jiebang/contracts';
import { InvalidTokenError, type JwtVerifier } from '@jiebang/service-kit';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

const COOKIE = 'jb_board';
const OPERATORS: Role[] = ['bureau', 'admin'];

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Guards the queue dashboard, which is a browser app (pages, assets, XHR) outside Nest's guards. A bearer header
 * works for tools; a browser opens `<path>?access_token=…` once and the token is kept in an HttpOnly, SameSite=Strict
 * cookie limited to the dashboard's path, and `Secure` (HTTPS only) unless `secure` is off (development, tests).
 */
export function boardAuth(verifier: JwtVerifier, basePath: string, secure: boolean): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const fromQuery = typeof req.query.access_token === 'string' ? req.query.access_token : undefined;
    const token = header ?? fromQuery ?? cookie(req, COOKIE);
    if (!token) {
      res.status(401).json({ code: 'AUTH_REQUIRED', message: '需要登录：队列面板仅限市科技局与系统管理员' });
      return;
    }
    verifier.verify(token).then(
      (principal) => {
        if (!OPERATORS.includes(principal.role)) {
          res.status(403).json({ code: 'AUTH_ROLE_FORBIDDEN', message: '队列面板仅限市科技局与系统管理员', details: { role: principal.role } });
          return;
        }
        if (fromQuery) {
          res.cookie(COOKIE, fromQuery, { httpOnly: true, sameSite: 'strict', secure, path: basePath, maxAge: 3_600_000 });
        }
        next();
      },
      (e: unknown) => {
        const code = e instanceof InvalidTokenError ? e.code : 'AUTH_TOKEN_INVALID';
        res.status(401).json({ code, message: '登录凭证无效，请重新登录' });
      },
    );
  };
}

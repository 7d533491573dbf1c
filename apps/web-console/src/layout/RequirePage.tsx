import { Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { roleLabel } from '../auth/principal';
import { mayOpen, type PageKey } from './menu';

/** The services refuse what a role may not do anyway; this keeps people from opening pages that would only fail. */
export function RequirePage({ page, children }: { page: PageKey; children: ReactNode }) {
  const { principal } = useAuth();
  if (mayOpen(principal.role, page)) return children;
  return (
    <Result
      status="403"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>无权访问</h1>}
      subTitle={`${roleLabel(principal.role)}账号不能使用此功能。`}
      extra={<Link to="/">返回工作台</Link>}
    />
  );
}

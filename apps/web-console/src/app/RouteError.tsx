import { Button, Result } from 'antd';
import { Link, useRouteError } from 'react-router';

/** A page that failed to render or load (e.g. a chunk missing after a deployment): a way out, never a blank page. */
export function RouteError() {
  const error = useRouteError() as Error | undefined;
  return (
    <main>
      <Result
        status="error"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>页面出错了</h1>}
        subTitle={error?.message ?? '请重新加载页面'}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            重新加载
          </Button>
        }
      />
    </main>
  );
}

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 24, margin: 0 }}>页面不存在</h1>}
      subTitle="您访问的页面不存在或已移动。"
      extra={<Link to="/">返回工作台</Link>}
    />
  );
}

import { Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { theme } from './theme';

/** The console could not start (its configuration or the identity provider unreachable): say so, offer a retry. */
export function BootError({ message }: { message: string }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <main>
        <Result
          status="error"
          title={<h1 style={{ fontSize: 24, margin: 0 }}>控制台无法启动</h1>}
          subTitle={message}
          extra={
            <Button type="primary" onClick={() => window.location.reload()}>
              重新加载
            </Button>
          }
        />
      </main>
    </ConfigProvider>
  );
}

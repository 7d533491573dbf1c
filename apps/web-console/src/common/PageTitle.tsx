import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** Every page has one h1 (screen readers navigate by it) and its actions beside it. */
export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} wrap gap={12}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {children}
      </Typography.Title>
      {extra}
    </Flex>
  );
}

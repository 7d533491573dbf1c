import { Alert } from 'antd';
import { ApiError } from '../api/errors';
import { statusLabel } from '../challenges/labels';

/**
 * A failed request as the service worded it; a 409 adds the current state (named by `stateLabel`, the 榜单's states by
 * default), and the request id helps support.
 */
export function ApiErrorAlert({ error, stateLabel = statusLabel }: { error: unknown; stateLabel?: (state: string) => string }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const api = error instanceof ApiError ? error : undefined;
  const details = [
    api?.currentState ? `当前状态：${stateLabel(api.currentState)}` : undefined,
    api ? `错误代码 ${api.code}` : undefined,
    api?.body.correlationId ? `请求编号 ${api.body.correlationId}` : undefined,
  ].filter(Boolean);
  return <Alert type="error" showIcon role="alert" message={message} description={details.length ? details.join(' · ') : undefined} style={{ marginBottom: 16 }} />;
}

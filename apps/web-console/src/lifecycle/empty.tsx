import { Typography } from 'antd';

/**
 * A table's empty text. Ant Design draws a plain string in its disabled grey (below AA contrast); secondary text is
 * the quietest grey that still reads.
 */
export const empty = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;

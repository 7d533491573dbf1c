import { App, Button, Card, List, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { PreferenceItem } from '../api/responses';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { PageTitle } from '../common/PageTitle';
import { CATEGORY_LABEL, CHANNEL_LABEL, MODE_LABEL, categoryLabel } from './labels';
import { usePreferences, useSavePreferences } from './queries';

const CHANNELS = ['inbox', 'email', 'webhook'] as const;

/** The API accepts a digest for e-mail only; the choice is not offered elsewhere. */
const modesFor = (channel: string) => (channel === 'email' ? ['immediate', 'digest', 'off'] : ['immediate', 'off']);

export default function PreferencesPage() {
  const prefs = usePreferences();
  const save = useSavePreferences();
  const { message } = App.useApp();
  // What the user changed on top of what the service holds, until saved.
  const [edits, setEdits] = useState<Record<string, PreferenceItem['mode']>>({});
  const key = (category: string, channel: string) => `${category}/${channel}`;
  const items = (prefs.data?.items ?? []).map((i) => ({ ...i, mode: edits[key(i.category, i.channel)] ?? i.mode }));

  const categories = [...new Set(items.map((i) => i.category))];
  const modeOf = (category: string, channel: string) => items.find((i) => i.category === category && i.channel === channel)?.mode;
  const setMode = (category: string, channel: string, mode: PreferenceItem['mode']) => setEdits((all) => ({ ...all, [key(category, channel)]: mode }));

  return (
    <>
      <PageTitle
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => save.mutate(items, {
                onSuccess: () => {
                  setEdits({});
                  void message.success('通知偏好已保存');
                },
              })}>
            保存
          </Button>
        }
      >
        通知偏好
      </PageTitle>
      <Typography.Paragraph>偏好属于本机构在当前角色下的全体成员。强制通知（工作事项、超期提醒等）不受偏好影响。</Typography.Paragraph>
      <ApiErrorAlert error={prefs.error ?? save.error} />
      <Card>
        <Table
          rowKey="category"
          loading={prefs.isLoading}
          pagination={false}
          dataSource={categories.map((category) => ({ category }))}
          columns={[
            { title: '类别', dataIndex: 'category', render: (c: string) => CATEGORY_LABEL[c] ?? c },
            ...CHANNELS.map((channel) => ({
              title: CHANNEL_LABEL[channel],
              key: channel,
              render: (_: unknown, row: { category: string }) => (
                <Select
                  aria-label={`${categoryLabel(row.category)} · ${CHANNEL_LABEL[channel]}`}
                  value={modeOf(row.category, channel)}
                  style={{ width: 120 }}
                  onChange={(mode) => setMode(row.category, channel, mode)}
                  options={modesFor(channel).map((m) => ({ value: m, label: MODE_LABEL[m] }))}
                />
              ),
            })),
          ]}
        />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>强制通知</h2>} style={{ marginTop: 16 }}>
        <List
          dataSource={prefs.data?.mandatory ?? []}
          renderItem={(m) => (
            <List.Item>
              <Typography.Text>
                【{categoryLabel(m.category)}】{m.title.replace(/[:：].*$/, '').replace(/\{\{.*?\}\}/g, '')}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

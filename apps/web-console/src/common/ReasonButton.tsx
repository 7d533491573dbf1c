import { Button, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import type { JsonSchema } from '../api/schema-rules';
import { schemaRules } from '../api/schema-rules';
import { ApiErrorAlert } from './ApiErrorAlert';

interface Props {
  /** The button's text, also the dialog's title. */
  label: string;
  /** The request body schema the reason is checked against (its `reason` field, or `field`). */
  body: JsonSchema;
  field?: string;
  fieldLabel?: string;
  /** The reason, and every value of the dialog (for items given as children). */
  onSubmit: (reason: string, values: Record<string, unknown>) => Promise<unknown>;
  danger?: boolean;
  primary?: boolean;
  stateLabel?: (state: string) => string;
  /** More form items above the reason (e.g. an outcome to choose). */
  children?: ReactNode;
}

/** A command that needs a written reason (return, reject, decline, dispute…): a dialog, checked as the API checks it. */
export function ReasonButton({ label, body, field = 'reason', fieldLabel = '理由', onSubmit, danger, primary, stateLabel, children }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm();
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(values[field] as string, values);
      setOpen(false);
      form.resetFields();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger={danger} type={primary ? 'primary' : 'default'} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal title={label} open={open} onCancel={() => setOpen(false)} onOk={() => void submit()} okText="确定" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <ApiErrorAlert error={error} stateLabel={stateLabel} />
        <Form form={form} layout="vertical" preserve={false}>
          {children}
          <Form.Item name={field} label={fieldLabel} rules={schemaRules(body, field, fieldLabel)}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

import { App, Button, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { bodySchema, schemaRules, type JsonSchema, type SchemaRule } from '../api/schema-rules';
import { ApiErrorAlert } from '../common/ApiErrorAlert';
import { showFieldErrors } from '../common/form-errors';

export interface ActionField {
  name: string;
  label: string;
  /** The input; a text area when absent. */
  input?: ReactNode;
  rules?: SchemaRule[];
  initialValue?: unknown;
}

interface Props {
  label: string;
  /** What the dialog says before the person confirms (the consequence, in plain words). */
  confirm: ReactNode;
  fields?: ActionField[];
  onRun: (values: Record<string, unknown>) => Promise<unknown>;
  done: string;
  primary?: boolean;
  danger?: boolean;
  disabled?: boolean;
}

/** The reason a command needs, checked as its body schema checks it (a text field named as in the body). */
export function reasonField(body: JsonSchema, name: string, label: string): ActionField {
  return { name, label, rules: schemaRules(body, name, label) };
}

export { bodySchema };

/**
 * One command of a lifecycle: a button, a dialog with what the command needs (a reason, a date…), the service's
 * refusal shown in the dialog (the field at fault highlighted, the current state on a 409), a message when done.
 */
export function ActionButton({ label, confirm, fields = [], onRun, done, primary, danger, disabled }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const { message } = App.useApp();

  const run = async () => {
    const values = fields.length ? await form.validateFields().catch(() => undefined) : {};
    if (!values) return;
    setBusy(true);
    setError(undefined);
    try {
      await onRun(values);
      setOpen(false);
      form.resetFields();
      void message.success(done);
    } catch (e) {
      setError(e);
      showFieldErrors(form, e, fields.map((f) => f.name));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type={primary ? 'primary' : 'default'} danger={danger} disabled={disabled} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal
        open={open}
        title={label}
        okText="确认"
        cancelText="取消"
        okButtonProps={{ danger, loading: busy }}
        onOk={() => void run()}
        onCancel={() => {
          setOpen(false);
          setError(undefined);
        }}
        destroyOnHidden
      >
        <Typography.Paragraph>{confirm}</Typography.Paragraph>
        <ApiErrorAlert error={error} />
        {fields.length > 0 && (
          <Form form={form} layout="vertical" preserve={false}>
            {fields.map((f) => (
              <Form.Item key={f.name} name={f.name} label={f.label} rules={f.rules} initialValue={f.initialValue}>
                {f.input ?? <Input.TextArea rows={3} />}
              </Form.Item>
            ))}
          </Form>
        )}
      </Modal>
    </>
  );
}

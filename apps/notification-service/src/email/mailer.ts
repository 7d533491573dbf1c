import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NOTIFICATION_CONFIG, type NotificationConfig } from '../config';
import type { Email } from './email.compose';

export interface Outgoing extends Email {
  to: string[];
  /** Stable per delivery, so a receiving system can drop the copy a retry might send. */
  messageId: string;
}

/**
 * SMTP through nodemailer, configured by SMTP_URL. Without it (development only; production refuses to boot) the
 * message is rendered and logged instead of sent, so a local run shows what would go out.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter;

  constructor(@Inject(NOTIFICATION_CONFIG) private readonly config: NotificationConfig) {
    this.transport = config.SMTP_URL ? createTransport(config.SMTP_URL) : createTransport({ jsonTransport: true });
  }

  async send(mail: Outgoing): Promise<void> {
    const info = await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
    });
    if (!this.config.SMTP_URL) this.logger.log(`SMTP_URL not set; e-mail not sent: ${mail.subject} → ${mail.to.join(', ')}`);
    // All rejected makes nodemailer throw (and the queue retry); a partial rejection is not retried, as a retry
    // would send the accepted recipients a second copy.
    if (info.rejected?.length) this.logger.warn(`${mail.messageId}: rejected by the SMTP server: ${info.rejected.join(', ')}`);
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

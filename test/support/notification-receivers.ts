import { createHmac } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: string[];
  readonly subject: string;
  readonly text: string;
  readonly notificationId: string;
}

export interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: { kind: string; subject: string; [field: string]: unknown };
  readonly signatureValid: boolean;
}

/** A real SMTP server and a real HTTP webhook receiver on loopback, recording what the worker sends. */
export interface NotificationReceivers {
  readonly mails: ReceivedMail[];
  readonly hooks: ReceivedHook[];
  /** Settings for the worker's environment pointing at these receivers. */
  readonly workerEnvironment: Record<string, string>;
  close(): Promise<void>;
}

const WEBHOOK_SECRET = 'receiver-webhook-secret-0123456789';

export async function startNotificationReceivers(): Promise<NotificationReceivers> {
  const mails: ReceivedMail[] = [];
  const hooks: ReceivedHook[] = [];
  const smtp = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        simpleParser(Buffer.concat(chunks)).then(
          (parsed: ParsedMail) => {
            mails.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              notificationId: String(parsed.headers.get('x-reform-notification-id') ?? ''),
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const receiver: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${String(request.headers['x-reform-timestamp'])}.`).update(raw).digest('hex')}`;
      hooks.push({ headers: request.headers, body: JSON.parse(raw.toString('utf8')), signatureValid: request.headers['x-reform-signature'] === expected });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const hookPort = (receiver.address() as AddressInfo).port;
  return {
    mails,
    hooks,
    workerEnvironment: {
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      WEBHOOK_URL: `http://127.0.0.1:${hookPort}/reform-hook`,
      WEBHOOK_SECRET,
      PUBLIC_BASE_URL: 'https://reform.example.jp',
    },
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    },
  };
}

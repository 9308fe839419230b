import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationSettings } from '@app/config';
import { SmtpMailSender } from '../../apps/worker/src/notifications/smtp-mail.sender';

/** SMTP_REQUIRE_TLS against a real SMTP server that offers no STARTTLS, as a misconfigured relay might. */
describe('e-mail with TLS required', () => {
  let server: SMTPServer;
  let port: number;
  const received: string[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      onData: (stream, session, callback) => {
        stream.resume();
        stream.on('end', () => {
          received.push(...session.envelope.rcptTo.map((rcpt) => rcpt.address));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const sender = (smtpRequireTls: boolean) =>
    new SmtpMailSender({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      smtpRequireTls,
      mailFrom: '市政変革ワークフロー <no-reply@reform.example.jp>',
      publicBaseUrl: 'https://reform.example.jp',
      webhook: null,
      deliveryAttempts: 10,
      retryInitialSeconds: 30,
    } satisfies NotificationSettings);
  const mail = (address: string) => ({ notificationId: `tls-test/${address}`, to: { name: '環境 花子', address }, subject: '件名', text: '本文' });

  it('refuses to send in the clear when the server offers no STARTTLS, so nothing is delivered', async () => {
    const strict = sender(true);
    await expect(strict.send(mail('strict@kankyo.example.jp'))).rejects.toThrow(/STARTTLS/i);
    strict.onModuleDestroy();
    expect(received).not.toContain('strict@kankyo.example.jp');
  });

  it('sends to the same server when TLS is not required', async () => {
    const relaxed = sender(false);
    await relaxed.send(mail('relaxed@kankyo.example.jp'));
    relaxed.onModuleDestroy();
    expect(received).toContain('relaxed@kankyo.example.jp');
  });
});

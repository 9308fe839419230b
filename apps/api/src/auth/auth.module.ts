import { AdminPassword } from '@app/config';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { createSecretKey } from 'node:crypto';
import { AccessGuard } from './access.guard';
import { AdminAccountInitializer, ADMIN_PASSWORD } from './admin-account.initializer';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ACCESS_TOKEN_TTL_SECONDS, TOKEN_ALGORITHM, TOKEN_AUDIENCE, TOKEN_ISSUER } from './auth.module-options';

export interface AuthSettings {
  readonly jwtSecret: string;
  readonly adminPassword: AdminPassword;
  /** Login attempts one client address may make per minute, across all usernames. */
  readonly loginRateLimitPerMinute: number;
}

@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings) {
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          // A key made once: given the text, the JWT library would try it as a public key on every request before taking it as a secret.
          secret: createSecretKey(Buffer.from(settings.jwtSecret)),
          signOptions: { expiresIn: ACCESS_TOKEN_TTL_SECONDS, algorithm: TOKEN_ALGORITHM, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
          verifyOptions: { algorithms: [TOKEN_ALGORITHM], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE },
        }),
        // Per process: with several API replicas an address gets this many per replica. The lockout per
        // username, kept in PostgreSQL, holds across them.
        ThrottlerModule.forRoot([{ ttl: 60_000, limit: settings.loginRateLimitPerMinute }]),
      ],
      controllers: [AuthController],
      providers: [
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: ADMIN_PASSWORD, useValue: settings.adminPassword },
        AdminAccountInitializer,
        AuthService,
      ],
    };
  }
}

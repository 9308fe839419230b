import { AdminPassword, TemporalConnectionSettings } from '@app/config';
import { Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { ApiModule } from '../../apps/api/src/api.module';
import { hashPassword } from '@app/security';
import { configureApp } from '../../apps/api/src/configure-app';
import { testTemporal } from './test-temporal';

export const TEST_ADMIN_PASSWORD = 'test-admin-password';
/** The key every API of a test signs and checks tokens with: a token from one is good at all of them, as between replicas. */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-the-validator';

export interface ApiHarnessOptions {
  readonly databaseUrl: string;
  readonly temporalAddress: string;
  readonly taskQueue: string;
  /** How the API reaches Temporal (TLS, payload keys); the run's dev server at `temporalAddress` by default. */
  readonly temporal?: TemporalConnectionSettings;
  readonly loginRateLimitPerMinute?: number;
  /** As main.ts reads it from TRUSTED_PROXIES. */
  readonly trustedProxies?: readonly string[];
  /** How long one request may wait on Temporal before 503 (the API's default otherwise). */
  readonly temporalRequestTimeoutMs?: number;
  /** How long a claimed Idempotency-Key without an answer stays claimed (the API's default otherwise). */
  readonly idempotencyLeaseMs?: number;
  /** As main.ts reads it from ADMIN_PASSWORD and NODE_ENV; a known test password by default. */
  readonly adminPassword?: AdminPassword;
}

/** The API module as main.ts serves it, in-process, against real servers. */
export async function startApi(options: ApiHarnessOptions): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.forRoot({
        databaseUrl: options.databaseUrl,
        temporal: { ...(options.temporal ?? testTemporal(options.temporalAddress)), taskQueue: options.taskQueue, requestTimeoutMs: options.temporalRequestTimeoutMs },
        jwtSecret: TEST_JWT_SECRET,
        adminPassword: options.adminPassword ?? { password: TEST_ADMIN_PASSWORD },
        logLevel: 'silent',
        // Test files log in many users from one address; the limit itself has a test of its own.
        loginRateLimitPerMinute: options.loginRateLimitPerMinute ?? 10_000,
        idempotencyLeaseMs: options.idempotencyLeaseMs,
      }),
    ],
  }).compile();
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }), { trustedProxies: options.trustedProxies });
  await app.init();
  return app;
}

export interface TestUser {
  readonly username: string;
  readonly roles: Role[];
  readonly bureauCode?: string | null;
  readonly displayName?: string;
}

/** Creates a user directly in the database, for arranging a test without going through POST /users. */
export async function createUser(app: INestApplication, user: TestUser, password = 'password-1234'): Promise<void> {
  await app.get(UserRepository).createIfAbsent({
    username: user.username,
    passwordHash: await hashPassword(password),
    displayName: user.displayName ?? user.username,
    roles: user.roles,
    bureauCode: user.bureauCode ?? null,
  });
}

/** Logs in through the API and returns the bearer token. */
export async function login(app: INestApplication, username: string, password = 'password-1234'): Promise<string> {
  const response = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ username, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessGuard } from './access.guard';
import { AdminAccountInitializer, ADMIN_PASSWORD } from './admin-account.initializer';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth.module-options';

export interface AuthSettings {
  readonly jwtSecret: string;
  readonly adminPassword: string;
}

@Module({})
export class AuthModule {
  static forRoot(settings: AuthSettings) {
    return {
      module: AuthModule,
      imports: [JwtModule.register({ secret: settings.jwtSecret, signOptions: { expiresIn: ACCESS_TOKEN_TTL_SECONDS } })],
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

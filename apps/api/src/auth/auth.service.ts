import { refused } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { verifyPassword } from '@app/security';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ACCESS_TOKEN_TTL_SECONDS } from './auth.module-options';

export interface LoginCommand {
  readonly username: string;
  readonly password: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login({ username, password }: LoginCommand): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.users.findByUsername(username);
    // A deactivated account gets the same answer as a wrong password, after the same work, so the
    // answer does not tell whether the account exists or is deactivated.
    if (!user || !(await verifyPassword(user.passwordHash, password)) || !user.active) {
      throw refused('auth.login-failed', 'ユーザー名またはパスワードが違います');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS };
  }
}

import { AdminPassword, ConfigurationError } from '@app/config';
import { Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hashPassword } from '@app/security';

export const ADMIN_PASSWORD = Symbol('ADMIN_PASSWORD');
export const ADMIN_USERNAME = 'admin';

/**
 * The first start creates the administrator; later starts leave the account (and its password) alone,
 * so ADMIN_PASSWORD is needed only until the account exists.
 */
@Injectable()
export class AdminAccountInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminAccountInitializer.name);

  constructor(
    private readonly users: UserRepository,
    @Inject(ADMIN_PASSWORD) private readonly adminPassword: AdminPassword,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ('refusal' in this.adminPassword) {
      // Without an administrator nobody can create users: refuse to start rather than run unusable.
      if (!(await this.users.findByUsername(ADMIN_USERNAME))) throw new ConfigurationError(`cannot create the administrator account: ${this.adminPassword.refusal}`);
      return;
    }
    const created = await this.users.createIfAbsent({
      username: ADMIN_USERNAME,
      passwordHash: await hashPassword(this.adminPassword.password),
      displayName: 'システム管理者',
      roles: [Role.Admin],
      bureauCode: null,
    });
    if (created) this.logger.log(`created the administrator account "${ADMIN_USERNAME}"`);
  }
}

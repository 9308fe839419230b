import { Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hashPassword } from '@app/security';

export const ADMIN_PASSWORD = Symbol('ADMIN_PASSWORD');
export const ADMIN_USERNAME = 'admin';

/** The first start creates the administrator; later starts leave the account (and its password) alone. */
@Injectable()
export class AdminAccountInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminAccountInitializer.name);

  constructor(
    private readonly users: UserRepository,
    @Inject(ADMIN_PASSWORD) private readonly adminPassword: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.users.createIfAbsent({
      username: ADMIN_USERNAME,
      passwordHash: await hashPassword(this.adminPassword),
      displayName: 'システム管理者',
      roles: [Role.Admin],
      bureauCode: null,
    });
    if (created) this.logger.log(`created the administrator account "${ADMIN_USERNAME}"`);
  }
}

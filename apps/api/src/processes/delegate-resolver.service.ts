import { Participant, refused, Role } from '@app/domain';
import { UserRepository } from '@app/persistence';
import { Injectable } from '@nestjs/common';

/** 代理: the user a step is handed to, named by username in the request, as the rules see them. */
@Injectable()
export class DelegateResolver {
  constructor(private readonly users: UserRepository) {}

  async resolve(username: string): Promise<Participant> {
    const target = await this.users.findByUsername(username);
    if (!target) throw invalidDelegate(`代理決裁者「${username}」という利用者は登録されていません`);
    if (!target.active) throw invalidDelegate(`代理決裁者「${username}」のアカウントは無効化されています`);
    return { id: target.id, name: target.displayName, roles: target.roles as Role[], bureauCode: target.bureauCode };
  }
}

const invalidDelegate = (problem: string) => refused('delegate.invalid', problem, { fields: [{ field: 'delegateTo', problems: [problem] }] });

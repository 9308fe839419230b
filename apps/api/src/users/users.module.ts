import { Module } from '@nestjs/common';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { MeController } from './me.controller';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [LifecycleModule],
  controllers: [UsersController, MeController],
  providers: [UsersService],
})
export class UsersModule {}

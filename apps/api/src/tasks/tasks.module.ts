import { Module } from '@nestjs/common';
import { ProcessesModule } from '../processes/processes.module';
import { ProcessTasksService } from './process-tasks.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({ imports: [ProcessesModule], controllers: [TasksController], providers: [TasksService, ProcessTasksService] })
export class TasksModule {}

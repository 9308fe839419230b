import { Module } from '@nestjs/common';
import { ProjectionFailuresController } from './projection-failures.controller';
import { ProjectionFailuresService } from './projection-failures.service';

/** What admins watch of the engine itself. */
@Module({ controllers: [ProjectionFailuresController], providers: [ProjectionFailuresService] })
export class OperationsModule {}

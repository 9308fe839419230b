import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ClusterLifecycleController } from './cluster-lifecycle.controller';
import { ClusterLifecycleService } from './cluster-lifecycle.service';

@Module({
  imports: [CatalogueModule],
  controllers: [ClusterLifecycleController],
  providers: [ClusterLifecycleService],
})
export class LifecycleModule {}

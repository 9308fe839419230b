import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue.service';
import { ClustersController } from './clusters.controller';
import { FiscalYearsController } from './fiscal-years.controller';

@Module({
  controllers: [FiscalYearsController, ClustersController],
  providers: [CatalogueService],
  exports: [CatalogueService],
})
export class CatalogueModule {}

import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { ProcessesModule } from '../processes/processes.module';
import { PublicXPoliciesController } from './public-x-policies.controller';
import { PublicXPoliciesService } from './public-x-policies.service';
import { XPoliciesController } from './x-policies.controller';
import { XPoliciesService } from './x-policies.service';
import { XPolicySettingsService } from './x-policy-settings.service';

@Module({
  imports: [CatalogueModule, ProcessesModule],
  controllers: [XPoliciesController, PublicXPoliciesController],
  providers: [XPoliciesService, XPolicySettingsService, PublicXPoliciesService],
  exports: [XPoliciesService],
})
export class XPoliciesModule {}

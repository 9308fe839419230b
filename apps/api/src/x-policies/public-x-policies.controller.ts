import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access-rule.decorator';
import { BureauCodePipe } from '../common/code-param';
import { FiscalYearPipe } from '../common/fiscal-year.param';
import { Refusals } from '../common/refusals.decorator';
import { PublicXPolicyListView, PublicXPolicyView } from './dto/x-policy.dto';
import { PublicXPoliciesService } from './public-x-policies.service';

/** 局区X方針 as published: for the public, with no login. */
@ApiTags('public')
@Controller('public/fiscal-years/:fy/x-policies')
export class PublicXPoliciesController {
  constructor(private readonly published: PublicXPoliciesService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '公表された局区X方針', description: "Access: public. Every bureau's published issues, responses and schedules with the date of publication, and each issue's published progress with its date; never a draft, a comment or a staff member's name." })
  @ApiOkResponse({ type: PublicXPolicyListView })
  @Refusals('request.invalid', 'fiscal-year.unknown')
  list(@Param('fy', FiscalYearPipe) fiscalYear: number): Promise<PublicXPolicyListView> {
    return this.published.list(fiscalYear);
  }

  @Get(':bureau')
  @Public()
  @ApiOperation({ summary: '公表された局区X方針（局ごと）', description: "Access: public. One bureau's published X policy; 409 x-policy.not-published before publication." })
  @ApiOkResponse({ type: PublicXPolicyView })
  @Refusals('request.invalid', 'fiscal-year.unknown', 'bureau.unknown', 'x-policy.not-published')
  detail(@Param('fy', FiscalYearPipe) fiscalYear: number, @Param('bureau', BureauCodePipe) bureau: string): Promise<PublicXPolicyView> {
    return this.published.detail(fiscalYear, bureau);
  }
}

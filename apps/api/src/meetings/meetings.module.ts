import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarService } from './calendar.service';
import { MeetingsController } from './meetings.controller';

@Module({
  imports: [CatalogueModule],
  controllers: [MeetingsController, CalendarFeedController],
  providers: [CalendarService, CalendarFeedService],
  exports: [CalendarService],
})
export class MeetingsModule {}

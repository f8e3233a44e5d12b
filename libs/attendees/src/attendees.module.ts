import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { Attendee } from './attendee.entity';
import { AttendeesImportController } from './attendees-import.controller';
import { AttendeesResolver } from './attendees.resolver';
import { AttendeesService } from './attendees.service';

@Module({
  imports: [TypeOrmModule.forFeature([Attendee]), EditionsModule],
  controllers: [AttendeesImportController],
  providers: [AttendeesService, AttendeesResolver],
  exports: [AttendeesService],
})
export class AttendeesModule {}

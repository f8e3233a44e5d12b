import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { Attendee } from './attendee.entity';
import { AttendeeRepository } from './attendee.repository';
import { AttendeesImportController } from './attendees-import.controller';
import { AttendeesLoaders } from './attendees.loaders';
import { AttendeesResolver } from './attendees.resolver';
import { AttendeesService } from './attendees.service';

@Module({
  imports: [TypeOrmModule.forFeature([Attendee]), EditionsModule],
  controllers: [AttendeesImportController],
  providers: [AttendeeRepository, AttendeesService, AttendeesResolver, AttendeesLoaders],
  exports: [AttendeesService],
})
export class AttendeesModule {}

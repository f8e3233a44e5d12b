import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '@app/attendees';
import { BadgesModule } from '@app/badges';
import { EditionsModule } from '@app/editions';
import { SessionsModule } from '@app/sessions';
import { AttendeeActivityResolver, AttendeeActivityService } from './attendee-activity';
import { AttendeeScansRepository } from './attendee-scans.repository';
import { BadgeVerifier } from './badge-verifier';
import { CheckpointCache } from './checkpoint-cache';
import { CreditsController } from './credits.controller';
import { CreditsService } from './credits.service';
import { LeadRepository } from './lead.repository';
import { LeadsController } from './leads.controller';
import { LeadsService } from './leads.service';
import { Checkpoint, Lead, Scan } from './scan.entity';
import { ScanRepository } from './scan.repository';
import { CheckpointStatsFeed } from './scan-stats';
import { LeadCapturesResolver, LeadsResolver, ScanFieldsResolver, ScanningResolver } from './scanning.resolver';
import { DeviceReports } from './device-reports';
import { ScanRetention, ScanRetentionProcessor } from './scan-retention';
import { ScanningService } from './scanning.service';

export const SCANNING_ENTITIES = [Checkpoint, Scan, Lead];

/** Door and session-room scanning, and exhibitors' lead capture. */
@Module({
  imports: [TypeOrmModule.forFeature(SCANNING_ENTITIES), EditionsModule, BadgesModule, SessionsModule, AttendeesModule],
  controllers: [LeadsController, CreditsController],
  providers: [
    ScanRepository,
    LeadRepository,
    CheckpointCache,
    CheckpointStatsFeed,
    DeviceReports,
    BadgeVerifier,
    ScanningService,
    LeadsService,
    CreditsService,
    ScanningResolver,
    ScanFieldsResolver,
    LeadsResolver,
    LeadCapturesResolver,
    AttendeeScansRepository,
    AttendeeActivityService,
    AttendeeActivityResolver,
  ],
})
export class ScanningModule {}

/** Worker side: the audit trail's retention. */
@Module({
  imports: [TypeOrmModule.forFeature(SCANNING_ENTITIES)],
  providers: [ScanRepository, ScanRetention, ScanRetentionProcessor],
})
export class ScanningWorkerModule {}

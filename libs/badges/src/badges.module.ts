import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendeesModule } from '@app/attendees';
import { EditionsModule } from '@app/editions';
import { BadgeKeysService } from './badge-keys.service';
import { BadgeRenderer } from './badge-renderer';
import { Badge, BadgeBatch } from './badge.entity';
import { BadgeRepository } from './badge.repository';
import { BadgesController } from './badges.controller';
import { BadgesLoaders } from './badges.loaders';
import { BadgesProcessor } from './badges.processor';
import { AttendeeBadgeResolver, BadgeBatchResolver, BadgeKeysResolver, BadgesResolver } from './badges.resolver';
import { BadgesService } from './badges.service';
import { PrintSheetRepository } from './print-sheet.repository';
import { PrintSheetsService } from './print-sheets';
import { BadgeSigningKey } from './signing-key.entity';
import { SigningKeyRepository } from './signing-key.repository';

export const BADGE_ENTITIES = [BadgeSigningKey, Badge, BadgeBatch];

/** API side: keys, badges, batches, PDFs and print sheets. */
@Module({
  imports: [TypeOrmModule.forFeature(BADGE_ENTITIES), EditionsModule, AttendeesModule],
  controllers: [BadgesController],
  providers: [
    BadgeRepository,
    SigningKeyRepository,
    PrintSheetRepository,
    BadgeKeysService,
    BadgesService,
    PrintSheetsService,
    BadgeKeysResolver,
    BadgesResolver,
    BadgeBatchResolver,
    AttendeeBadgeResolver,
    BadgesLoaders,
  ],
  exports: [BadgeKeysService, BadgesService],
})
export class BadgesModule {}

/** Worker side: rendering. */
@Module({
  imports: [TypeOrmModule.forFeature(BADGE_ENTITIES), EditionsModule],
  providers: [
    BadgeRepository,
    SigningKeyRepository,
    PrintSheetRepository,
    BadgeKeysService,
    BadgeRenderer,
    PrintSheetsService,
    BadgesProcessor,
  ],
})
export class BadgesWorkerModule {}

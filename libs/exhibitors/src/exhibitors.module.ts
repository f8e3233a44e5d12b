import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { BoothHoldsProcessor } from './booth-holds.processor';
import { BoothImportService } from './booth-import.service';
import { Booth, BoothChange, Exhibitor, Hall } from './exhibitor.entity';
import { ExhibitorsController } from './exhibitors.controller';
import { BoothsResolver, EditionHallsResolver, ExhibitorsResolver } from './exhibitors.resolver';
import { ExhibitorsService } from './exhibitors.service';

export const EXHIBITOR_ENTITIES = [Hall, Exhibitor, Booth, BoothChange];

/** API side: halls, booths, floor plans, exhibitors and their staff. */
@Module({
  imports: [TypeOrmModule.forFeature(EXHIBITOR_ENTITIES), EditionsModule],
  controllers: [ExhibitorsController],
  providers: [ExhibitorsService, BoothImportService, BoothsResolver, ExhibitorsResolver, EditionHallsResolver],
  exports: [ExhibitorsService],
})
export class ExhibitorsModule {}

/** Worker side: releasing expired booth holds. */
@Module({
  imports: [TypeOrmModule.forFeature(EXHIBITOR_ENTITIES), EditionsModule],
  providers: [ExhibitorsService, BoothHoldsProcessor],
})
export class ExhibitorsWorkerModule {}

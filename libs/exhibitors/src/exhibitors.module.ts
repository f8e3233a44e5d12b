import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { BoothHoldsProcessor } from './booth-holds.processor';
import { BoothImportService } from './booth-import.service';
import { BoothRepository } from './booth.repository';
import { Booth, BoothChange, Exhibitor, ExhibitorLogo, Hall } from './exhibitor.entity';
import { ExhibitorRepository } from './exhibitor.repository';
import { ExhibitorsController } from './exhibitors.controller';
import { BoothsResolver, EditionHallsResolver, ExhibitorsResolver } from './exhibitors.resolver';
import { ExhibitorsLoaders } from './exhibitors.loaders';
import { ExhibitorsService } from './exhibitors.service';

export const EXHIBITOR_ENTITIES = [Hall, Exhibitor, Booth, BoothChange, ExhibitorLogo];

/** API side: halls, booths, floor plans, exhibitors and their staff. */
@Module({
  imports: [TypeOrmModule.forFeature(EXHIBITOR_ENTITIES), EditionsModule],
  controllers: [ExhibitorsController],
  providers: [
    BoothRepository,
    ExhibitorRepository,
    ExhibitorsService,
    BoothImportService,
    BoothsResolver,
    ExhibitorsResolver,
    EditionHallsResolver,
    ExhibitorsLoaders,
  ],
  exports: [ExhibitorsService],
})
export class ExhibitorsModule {}

/** Worker side: releasing expired booth holds. */
@Module({
  imports: [TypeOrmModule.forFeature(EXHIBITOR_ENTITIES), EditionsModule],
  providers: [BoothRepository, ExhibitorRepository, ExhibitorsService, BoothHoldsProcessor],
})
export class ExhibitorsWorkerModule {}

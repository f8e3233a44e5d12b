import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { EDITION_ENTITIES } from './edition.entity';
import { EditionRepository } from './edition.repository';
import { EditionsLoaders } from './editions.loaders';
import { EditionsResolver } from './editions.resolver';
import { EditionsService } from './editions.service';
import { ExhibitorStaffPort } from './exhibitor-staff.port';

@Module({
  imports: [TypeOrmModule.forFeature(EDITION_ENTITIES)],
  providers: [EditionRepository, EditionsService, AccessService, EditionsResolver, EditionsLoaders, ExhibitorStaffPort],
  exports: [EditionsService, AccessService, ExhibitorStaffPort],
})
export class EditionsModule {}

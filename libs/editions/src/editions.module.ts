import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { EDITION_ENTITIES } from './edition.entity';
import { EditionsResolver } from './editions.resolver';
import { EditionsService } from './editions.service';
import { ExhibitorStaffPort } from './exhibitor-staff.port';

@Module({
  imports: [TypeOrmModule.forFeature(EDITION_ENTITIES)],
  providers: [EditionsService, AccessService, EditionsResolver, ExhibitorStaffPort],
  exports: [EditionsService, AccessService, ExhibitorStaffPort],
})
export class EditionsModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessService } from './access.service';
import { EDITION_ENTITIES } from './edition.entity';
import { EditionsResolver } from './editions.resolver';
import { EditionsService } from './editions.service';

@Module({
  imports: [TypeOrmModule.forFeature(EDITION_ENTITIES)],
  providers: [EditionsService, AccessService, EditionsResolver],
  exports: [EditionsService, AccessService],
})
export class EditionsModule {}

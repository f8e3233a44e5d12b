import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { BadgeKeysService } from './badge-keys.service';
import { BadgeKeysResolver } from './badges.resolver';
import { BadgeSigningKey } from './signing-key.entity';

export const BADGE_ENTITIES = [BadgeSigningKey];

@Module({
  imports: [TypeOrmModule.forFeature(BADGE_ENTITIES), EditionsModule],
  providers: [BadgeKeysService, BadgeKeysResolver],
  exports: [BadgeKeysService],
})
export class BadgesModule {}

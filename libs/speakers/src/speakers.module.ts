import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EditionsModule } from '@app/editions';
import { Speaker } from './speaker.entity';
import { SpeakerRepository } from './speaker.repository';
import { SpeakersResolver } from './speakers.resolver';
import { SpeakersService } from './speakers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Speaker]), EditionsModule],
  providers: [SpeakerRepository, SpeakersService, SpeakersResolver],
  exports: [SpeakersService],
})
export class SpeakersModule {}

import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { PageArgs } from '@app/core';
import { IsEmail, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

@InputType()
export class SpeakerInput {
  @Field() @IsString() @MinLength(1) @MaxLength(200) name: string;
  @Field({ nullable: true })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) company?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(200) jobTitle?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @MaxLength(10_000) bio?: string;
}

@ArgsType()
export class SpeakersArgs extends PageArgs {
  @Field(() => ID) @IsUUID('all', { message: 'editionId is not a valid id' }) editionId: string;
  @Field({ nullable: true, description: 'Matches name or company' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;
}

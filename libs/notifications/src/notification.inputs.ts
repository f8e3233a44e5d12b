import { ArgsType, Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsUUID } from 'class-validator';

@ArgsType()
export class MarkReadArgs {
  @Field(() => [ID])
  @ArrayMaxSize(1000, { message: 'At most 1,000 ids at once' })
  @IsUUID('all', { each: true, message: 'ids must be valid ids' })
  ids: string[];
}

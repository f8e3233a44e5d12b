import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { User } from './user.entity';

/** The email and the password are checked in the service (normalizeEmail and lookalikes, the password rules), where every other entry point checks them too. */
@InputType()
export class SignUpInput {
  @Field()
  @IsString()
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MaxLength(200)
  password: string;

  @Field()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;
}

@ObjectType()
export class AuthPayload {
  @Field() token: string;
  @Field(() => User) user: User;
}

import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { User } from './user.entity';

@InputType()
export class SignUpInput {
  @Field() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(254)
  email: string;

  @Field() @IsString() @MinLength(8, { message: 'password must be at least 8 characters' }) @MaxLength(200)
  password: string;

  @Field() @IsString() @MinLength(1, { message: 'name must not be empty' }) @MaxLength(200)
  name: string;
}

@ObjectType()
export class AuthPayload {
  @Field() token: string;
  @Field(() => User) user: User;
}

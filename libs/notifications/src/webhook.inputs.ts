import { Field, InputType } from '@nestjs/graphql';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';
import { WEBHOOK_EVENTS } from './webhook.entity';

@InputType()
export class WebhookInput {
  @Field({ description: 'http(s) URL that receives POSTed JSON events' })
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http(s) URL' },
  )
  @MaxLength(2000)
  url: string;

  @Field({ description: 'Shared secret for the X-Conference-Signature HMAC (16 to 200 characters)' })
  @IsString()
  @MinLength(16)
  @MaxLength(200)
  secret: string;

  @Field(() => [String], { description: `Events to receive: ${WEBHOOK_EVENTS.join(', ')}` })
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `events must be among ${WEBHOOK_EVENTS.join(', ')}` })
  events: string[];
}

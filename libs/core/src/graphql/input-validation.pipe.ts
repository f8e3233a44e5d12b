import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';

/** Parameter kinds that carry client input: GraphQL args, HTTP body, query and route params. */
const INPUT_KINDS = new Set<string>(['args', 'body', 'query', 'param']);

/**
 * class-validator on client input only. The stock ValidationPipe would also transform and validate
 * every @Parent() object a field resolver receives (hundreds per list), which is neither input nor cheap.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({ transform: true, forbidUnknownValues: false, stopAtFirstError: false });
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return INPUT_KINDS.has(metadata.type) && super.toValidate(metadata);
  }
}

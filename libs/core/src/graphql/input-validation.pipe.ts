import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { badInput } from '../errors/domain-error';
import { clip, stringProblem } from '../input-rules';

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

  /**
   * HTTP query and route parameters follow the rule GraphQL arguments follow (input-hygiene.plugin):
   * a control character or an overlong value is BAD_USER_INPUT naming the parameter.
   */
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'param') checkParams(value, metadata.data);
    return super.transform(value, metadata);
  }

  protected override toValidate(metadata: ArgumentMetadata): boolean {
    return INPUT_KINDS.has(metadata.type) && super.toValidate(metadata);
  }
}

/** Strings in a parameter value (one string, `?a=1&a=2` arrays, `?a[b]=1` objects), named by the parameter. */
function checkParams(value: unknown, name: string | undefined, depth = 0): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) throw badInput(`${clip(name ?? 'parameter')} ${problem}`, { argument: clip(name ?? 'parameter') });
  } else if (value && typeof value === 'object') {
    if (depth >= 4)
      throw badInput(`${clip(name ?? 'parameter')} is nested too deeply`, { argument: clip(name ?? 'parameter') });
    for (const [key, item] of Object.entries(value)) checkParams(item, name ?? key, depth + 1);
  }
}

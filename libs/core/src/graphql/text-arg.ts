import { Injectable, PipeTransform } from '@nestjs/common';
import { Args, ArgsOptions } from '@nestjs/graphql';
import { badInput } from '../errors/domain-error';
import { stringProblem } from '../input-rules';

/** Refuses a string argument over its bound (or with a control character) with BAD_USER_INPUT naming it. */
@Injectable()
export class BoundedTextPipe implements PipeTransform<unknown, unknown> {
  constructor(
    private readonly name: string,
    private readonly max: number,
  ) {}
  transform(value: unknown): unknown {
    const problem = typeof value === 'string' ? stringProblem(value, this.max) : undefined;
    if (problem) throw badInput(`${this.name} ${problem}`, { argument: this.name });
    return value;
  }
}

/**
 * A plain String argument with its own bound (an email 254, a kid 64, notes 5,000): plain
 * `@Args('x') x: string` has no class-validator bound, only the global one of the hygiene plugin.
 */
export const TextArg = (name: string, max: number, options: Omit<ArgsOptions, 'type' | 'name'> = {}) =>
  Args(name, { ...options, type: () => String }, new BoundedTextPipe(name, max));

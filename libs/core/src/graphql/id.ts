import { Injectable, PipeTransform } from '@nestjs/common';
import { Args, ArgsOptions, ID } from '@nestjs/graphql';
import { badInput } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Refuses a malformed id with BAD_USER_INPUT before it reaches a query. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string | undefined> {
  constructor(
    private readonly name: string,
    private readonly optional = false,
  ) {}
  transform(value: unknown): string | undefined {
    if ((value === undefined || value === null) && this.optional) return undefined;
    if (!isId(value)) throw badInput(`${this.name} is not a valid id`, { argument: this.name });
    return value.toLowerCase();
  }
}

/** An ID! argument, validated. */
export const IdArg = (name: string, options: Omit<ArgsOptions, 'type' | 'name'> = {}) =>
  Args(name, { ...options, type: () => ID }, new ParseIdPipe(name, options.nullable === true));

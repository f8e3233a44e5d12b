import { BadRequestException } from '@nestjs/common';
import { IsInt, Max, Min } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { InputValidationPipe } from './input-validation.pipe';

class RatingInput {
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;
}

const pipe = new InputValidationPipe();

/** The refusal a transform ends in, as the client would see its code and message, or 'accepted'. */
async function outcome(
  value: unknown,
  type: 'query' | 'param' | 'body' | 'custom',
  data?: string,
  metatype?: new () => unknown,
): Promise<unknown> {
  try {
    await pipe.transform(value, { type, data, metatype });
    return 'accepted';
  } catch (error) {
    if (error instanceof DomainError)
      return { code: error.code, message: error.message, argument: error.details.argument };
    if (error instanceof BadRequestException)
      return { status: 400, problems: (error.getResponse() as { message: string[] }).message };
    throw error;
  }
}

describe('InputValidationPipe: HTTP parameters follow the GraphQL argument rule', () => {
  it('refuses a control character or an overlong value in a query or route parameter, naming it', async () => {
    expect(await outcome('ab\u0007c', 'query', 'sig')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'sig contains a control character (U+0007)',
      argument: 'sig',
    });
    expect(await outcome('x'.repeat(10_001), 'param', 'file')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'file is longer than 10000 characters',
      argument: 'file',
    });
    expect(await outcome('a-normal-token', 'param', 'file')).toBe('accepted');
  });

  it('checks every string of a whole query object (?a=1&a=2 arrays, ?a[b]=1 objects), naming the parameter it came in', async () => {
    expect(await outcome({ edition: 'e1', tags: ['ok', 'bad\u0000'] }, 'query')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'tags contains a control character (U+0000)',
      argument: 'tags',
    });
    expect(await outcome({ filter: { deep: { er: 'x\u001b' } } }, 'query', 'filter')).toMatchObject({
      message: 'filter contains a control character (U+001B)',
    });
    expect(await outcome({ a: 'fine', n: 3, flag: true, none: null }, 'query')).toBe('accepted');
  });

  it('refuses parameters nested deeper than any form of ours uses (?a[b][c][d][e]=1)', async () => {
    expect(await outcome({ a: { b: { c: { d: { e: '1' } } } } }, 'query')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'a is nested too deeply',
      argument: 'a',
    });
    expect(await outcome({ ids: [[[['1']]]] }, 'query')).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'ids is nested too deeply',
      argument: 'ids',
    });
    expect(await outcome({ ids: [[['1']]] }, 'query')).toBe('accepted');
  });

  it('validates client input with class-validator, and leaves values that are not client input alone', async () => {
    expect(await outcome({ rating: 9 }, 'body', undefined, RatingInput)).toEqual({
      status: 400,
      problems: ['rating must not be greater than 5'],
    });
    expect(await outcome({ rating: 3 }, 'body', undefined, RatingInput)).toBe('accepted');
    // A @Parent() object of a field resolver: neither input nor worth validating (hundreds per list).
    const parent = { rating: 9 };
    await expect(pipe.transform(parent, { type: 'custom', metatype: RatingInput })).resolves.toBe(parent);
  });
});

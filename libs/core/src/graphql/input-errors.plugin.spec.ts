import { GraphQLError } from 'graphql';
import { inputErrorsPlugin } from './input-errors.plugin';

/** Runs the plugin's didEncounterErrors hook over errors as Apollo would, and returns the list it leaves. */
async function afterPlugin(errors: GraphQLError[]): Promise<GraphQLError[]> {
  const hooks = (await inputErrorsPlugin().requestDidStart!({} as never)) as {
    didEncounterErrors: (ctx: unknown) => Promise<void>;
  };
  await hooks.didEncounterErrors({ errors });
  return errors;
}

describe('inputErrorsPlugin: bad variables are bad input, not server errors', () => {
  it('relabels a variable that failed coercion as BAD_USER_INPUT with HTTP 400', async () => {
    const [enumError, scalarError, plain] = await afterPlugin([
      new GraphQLError(
        'Variable "$format" got invalid value "TALK"; Value "TALK" does not exist in "SessionFormat" enum.',
      ),
      new GraphQLError('Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"', {
        originalError: new TypeError('not an int'),
      }),
      new GraphQLError('Variable "$at" got invalid value "x"', {
        originalError: new GraphQLError('DateTime must be …'),
      }),
    ]);
    for (const error of [enumError, scalarError, plain])
      expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', http: { status: 400 } });
    expect(enumError.message).toContain('"TALK"');
  });

  it('leaves errors that are not about variables, or already labelled, as they are', async () => {
    const resolverError = new GraphQLError('Variable "$x" looked fine but the resolver broke', { path: ['sessions'] });
    const bug = new GraphQLError('Variable "$x" caused a bug', { originalError: new RangeError('boom') });
    const labelled = new GraphQLError('Variable "$x" is bad', {
      extensions: { code: 'BAD_USER_INPUT', argument: 'x' },
    });
    const other = new GraphQLError('Cannot query field "nope" on type "Query".');
    const errors = [resolverError, bug, labelled, other];
    const after = await afterPlugin([...errors]);
    expect(after).toEqual(errors);
    after.forEach((error, i) => expect(error).toBe(errors[i]));
  });
});

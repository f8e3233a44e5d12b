import { CombinedGraphQLErrors } from '@apollo/client';

/** A refused request in words: the API's message for a GraphQL error, a plain line for a network failure. */
export function errorMessage(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const retry = first?.extensions?.retryAfterSeconds;
    if (first?.extensions?.code === 'RATE_LIMITED' && typeof retry === 'number')
      return `Too many attempts: try again in ${Math.ceil(retry / 60)} min.`;
    return first?.message ?? 'That did not work.';
  }
  return 'The server could not be reached. Check your connection and try again.';
}

/** The error of a form, announced by screen readers when it appears. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p className="form-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

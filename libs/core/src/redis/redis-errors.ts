/** What ioredis rejects commands with while Redis is unreachable (connection refused, closed, retries or time used up). */
const UNAVAILABLE =
  /^(Connection is closed|Stream isn't writeable|Reached the max retries per request|Command timed out|connect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH)|getaddrinfo )/;

/** Whether an error means "Redis cannot be reached right now" (a transient outage), not a bug or a bad command. */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'MaxRetriesPerRequestError' || UNAVAILABLE.test(error.message);
}

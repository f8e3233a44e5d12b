import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** What a page that failed to load or render shows instead of a blank screen. */
export function ErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';
  return (
    <main id="main" className="page narrow">
      <h1>Something went wrong</h1>
      <p role="alert">{message}</p>
      <p>
        <Link to="/">Back to the programme</Link> or reload the page.
      </p>
    </main>
  );
}

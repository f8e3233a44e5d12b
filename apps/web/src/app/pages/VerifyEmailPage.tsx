import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

const VerifyEmail = graphql(`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`);

/**
 * The page the verification mail links to. Opening it changes nothing: the person presses the
 * button (mail scanners open links, and must not use up a single-use token).
 */
export function Component() {
  useDocumentTitle('Confirm your email address');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [verify, { loading, error, data }] = useMutation(VerifyEmail);

  if (data?.verifyEmail) {
    return (
      <div className="page narrow">
        <h1>Address confirmed</h1>
        <p role="status">
          Your email address is confirmed. What was granted to it (your registration, badge and roles) now reaches your
          account.
        </p>
        <p>
          <Link to="/">Go to the programme</Link> or <Link to="/login">sign in</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Confirm your email address</h1>
      {token ? (
        <>
          <p>
            Confirm that this address is yours, so what was granted to it (your registration, badge and roles) reaches
            your account.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={loading}
            onClick={() => void verify({ variables: { token } }).catch(() => undefined)}
          >
            Confirm my email address
          </button>
          <FormError error={error} />
          {error ? (
            <p>
              <Link to="/login">Sign in</Link> to ask for a new link.
            </p>
          ) : null}
        </>
      ) : (
        <p role="alert">This link is incomplete. Open the link from the mail again, or sign in to ask for a new one.</p>
      )}
    </div>
  );
}

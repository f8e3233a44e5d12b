import { useMutation } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useToken } from '../auth';

const Resend = graphql(`
  mutation ResendVerification {
    resendVerification
  }
`);

/** After sign-up: the address must be confirmed through the mailed link before anything granted to it applies. */
export function Component() {
  useDocumentTitle('Check your mail');
  const [params] = useSearchParams();
  const email = params.get('email');
  const token = useToken();
  const [resend, { loading, error, data }] = useMutation(Resend);
  return (
    <div className="page narrow">
      <h1>Check your mail</h1>
      <p>
        We sent a link to {email ? <strong>{email}</strong> : 'your address'}. Open it to confirm the address: your
        registration, badge and schedule reach your account once it is confirmed. The link works for 24 hours.
      </p>
      {token && (
        <>
          <button
            type="button"
            className="button"
            disabled={loading}
            onClick={() => void resend().catch(() => undefined)}
          >
            Send the link again
          </button>
          {data?.resendVerification && <p role="status">A new link is on its way.</p>}
          <FormError error={error} />
        </>
      )}
      <p>
        <Link to={params.get('next') ?? '/'}>Go on to the programme</Link>
      </p>
    </div>
  );
}

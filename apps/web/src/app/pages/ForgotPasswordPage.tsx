import { useMutation } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { formText } from '../form-text';

const RequestReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function Component() {
  useDocumentTitle('Forgot your password?');
  const [request, { loading, error, data }] = useMutation(RequestReset);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = formText(new FormData(event.currentTarget), 'email');
    await request({ variables: { email } }).catch(() => undefined);
  }

  return (
    <div className="page narrow">
      <h1>Forgot your password?</h1>
      {data?.requestPasswordReset ? (
        <p role="status">
          If that address has an account, a link to choose a new password is on its way. It works for one hour.
        </p>
      ) : (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <p>We will mail you a link to choose a new password.</p>
          <label htmlFor="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" autoComplete="email" required maxLength={320} />
          <FormError error={error} />
          <button type="submit" className="button primary" disabled={loading}>
            Send the link
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Back to sign in</Link>
      </p>
    </div>
  );
}

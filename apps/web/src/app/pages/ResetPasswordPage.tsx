import { useMutation } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSignIn } from '../auth';
import { formText } from '../form-text';

const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $newPassword: String!) {
    resetPassword(token: $token, newPassword: $newPassword) {
      token
    }
  }
`);

/** The page the password-reset mail links to: a new password, then signed in (every other sign-in ends). */
export function Component() {
  useDocumentTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const signIn = useSignIn();
  const [reset, { loading, error, data }] = useMutation(ResetPassword);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = formText(new FormData(event.currentTarget), 'newPassword');
    const result = await reset({ variables: { token, newPassword } }).catch(() => undefined);
    if (result?.data) await signIn(result.data.resetPassword.token);
  }

  if (data) {
    return (
      <div className="page narrow">
        <h1>Password changed</h1>
        <p role="status">Your new password is set, you are signed in, and every other sign-in has ended.</p>
        <p>
          <Link to="/">Go to the programme</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page narrow">
      <h1>Choose a new password</h1>
      {token ? (
        <form className="form" onSubmit={(event) => void submit(event)}>
          <label htmlFor="reset-password">New password</label>
          <input
            id="reset-password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={10}
            maxLength={200}
            aria-describedby="reset-password-hint"
          />
          <p id="reset-password-hint" className="hint">
            At least 10 characters, not a common password. Every other sign-in ends.
          </p>
          <FormError error={error} />
          <button type="submit" className="button primary" disabled={loading}>
            Set password
          </button>
        </form>
      ) : (
        <p>To choose a new password you need the link we mail you: open it from the mail, or ask for one below.</p>
      )}
      <p>
        <Link to="/forgot-password">Ask for a new link</Link>
      </p>
    </div>
  );
}

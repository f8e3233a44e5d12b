import { useMutation } from '@apollo/client/react';
import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSignIn } from '../auth';
import { formText } from '../form-text';
import { safeNext } from '../next-path';

const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        email
      }
    }
  }
`);

/** Creates the account (signed in at once, unverified), then asks the person to open the mailed link. */
export function Component() {
  useDocumentTitle('Create an account');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [signUp, { loading, error }] = useMutation(SignUp);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    };
    const { data } = await signUp({ variables: { input } }).catch(() => ({ data: undefined }));
    if (!data) return;
    await signIn(data.signUp.token);
    const next = safeNext(params.get('next'));
    await navigate(
      `/check-your-mail?email=${encodeURIComponent(data.signUp.user.email)}${next !== '/' ? `&next=${encodeURIComponent(next)}` : ''}`,
      { replace: true },
    );
  }

  return (
    <div className="page narrow">
      <h1>Create an account</h1>
      <form className="form" onSubmit={(event) => void submit(event)}>
        <label htmlFor="signup-name">Name</label>
        <input id="signup-name" name="name" type="text" autoComplete="name" required maxLength={200} />
        <label htmlFor="signup-email">Email</label>
        <input
          id="signup-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          maxLength={320}
          aria-describedby="signup-email-hint"
        />
        <p id="signup-email-hint" className="hint">
          Use the address you registered with: your registration and badge follow it.
        </p>
        <label htmlFor="signup-password">Password</label>
        <input
          id="signup-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          maxLength={200}
          aria-describedby="signup-password-hint"
        />
        <p id="signup-password-hint" className="hint">
          At least 10 characters, not a common password.
        </p>
        <FormError error={error} />
        <button type="submit" className="button primary" disabled={loading}>
          Create account
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </div>
  );
}

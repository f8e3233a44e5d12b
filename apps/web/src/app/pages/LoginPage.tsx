import { useMutation } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { graphql } from '../../gql';
import { FormError } from '../../ui/FormError';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSignIn, useToken } from '../auth';
import { formText } from '../form-text';
import { safeNext } from '../next-path';

const Login = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

export function Component() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const signIn = useSignIn();
  const [login, { loading, error }] = useMutation(Login);
  // Signed in already (in another tab, or the page reloaded as it moved on): on to where they were going.
  // Not while this form signs in: it moves on itself once the device's additions are merged.
  const [signingIn, setSigningIn] = useState(false);
  const token = useToken();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const { data } = await login({
      variables: { email: formText(form, 'email'), password: formText(form, 'password') },
    }).catch(() => ({ data: undefined }));
    if (!data) return;
    setSigningIn(true);
    await signIn(data.login.token);
    await navigate(next, { replace: true });
  }

  if (token && !signingIn) return <Navigate to={next} replace />;

  return (
    <div className="page narrow">
      <h1>Sign in</h1>
      {params.get('next') && <p>Sign in to go on to the page you were on.</p>}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate={false}>
        <label htmlFor="login-email">Email</label>
        <input id="login-email" name="email" type="email" autoComplete="username" required maxLength={320} />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={200}
        />
        <FormError error={error} />
        <button type="submit" className="button primary" disabled={loading}>
          Sign in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New here?{' '}
        <Link to={params.get('next') ? `/signup?next=${encodeURIComponent(next)}` : '/signup'}>Create an account</Link>
      </p>
    </div>
  );
}

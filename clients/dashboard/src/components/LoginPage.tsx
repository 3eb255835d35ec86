import { useMemo, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { createLoginClient } from '../graphql/client';
import { errorCode } from '../graphql/errors';
import { LOGIN } from '../graphql/operations';
import type { Session } from '../lib/session';

interface Props {
  /** Why the user is here again, e.g. an expired session. */
  notice: string | null;
  onLogin: (session: Session) => void;
}

function loginErrorMessage(code: ReturnType<typeof errorCode>): string {
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'BAD_USER_INPUT':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
      return 'Wrong email or password.';
    case 'RATE_LIMITED':
      return 'Too many attempts. Please wait a moment and try again.';
    case null:
      return 'Could not reach the server. Please try again.';
  }
}

export function LoginPage({ notice, onLogin }: Props) {
  const client = useMemo(createLoginClient, []);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.mutation(LOGIN, { email: email.trim(), password }).toPromise();
    setBusy(false);
    const payload = result.data?.login;
    if (!payload) {
      setError(loginErrorMessage(errorCode(result.error)));
    } else if (payload.viewer.role !== 'ADMIN') {
      setError('This account is not a staff account.');
    } else {
      onLogin({ token: payload.token, viewer: payload.viewer });
    }
  };

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit}>
        <h1 class="login__title">Support Chats</h1>
        <p class="login__subtitle">Staff sign in</p>
        {notice && !error && (
          <p class="notice" role="status" data-testid="login-notice">
            {notice}
          </p>
        )}
        {error && (
          <p class="notice notice--error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <label class="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onInput={(event) => setEmail(event.currentTarget.value)}
            data-testid="login-email"
          />
        </label>
        <label class="field">
          <span>Password</span>
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
            data-testid="login-password"
          />
        </label>
        <button class="button button--primary login__submit" type="submit" disabled={busy} data-testid="login-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

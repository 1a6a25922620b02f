/** The header's account area: a sign-in form for the public, the user's name, roles and sign-out otherwise. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { useI18n, type I18n } from '../../i18n/use-i18n';
import { useAuth } from './use-auth';

function signInError(err: unknown, t: I18n['t']): string {
  if (!(err instanceof ApiError)) return t('auth.failed');
  if (err.code === 'invalid_credentials') return t('auth.invalid');
  if (err.code === 'too_many_attempts') return t('auth.locked');
  if (err.code === 'network') return t('error.network');
  return t('error.server', { message: err.message });
}

export function AccountMenu() {
  const { user, signOut } = useAuth();
  const { t, tryT } = useI18n();
  const [open, setOpen] = useState(false);
  if (user === undefined) return null;
  if (user) {
    const roles = user.roles.map((r) => tryT(`role.${r}`) ?? r).join(', ');
    return (
      <div className="account" data-testid="account">
        <span className="account-name" title={roles}>{user.displayName || user.username}</span>
        <button type="button" className="header-button" data-testid="sign-out" onClick={() => void signOut()}>{t('auth.signOut')}</button>
      </div>
    );
  }
  return (
    <div className="account">
      <button type="button" className="header-button" data-testid="sign-in-open" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('auth.signIn')}
      </button>
      {open && <SignInForm onDone={() => setOpen(false)} />}
    </div>
  );
}

function SignInForm({ onDone }: { onDone: () => void }) {
  const { signIn } = useAuth();
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(username, password);
      onDone();
    } catch (err) {
      setError(signInError(err, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="sign-in-form" data-testid="sign-in-form" onSubmit={(e) => void submit(e)}>
      <label>{t('auth.username')}
        <input name="username" autoComplete="username" required value={username} onChange={(e) => setUsername(e.target.value)} autoFocus />
      </label>
      <label>{t('auth.password')}
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" disabled={busy}>{t('auth.submit')}</button>
    </form>
  );
}

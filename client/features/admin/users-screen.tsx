/** Admin screen: list accounts, add one, disable/enable, set roles. The server checks every change again. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Role, type UserAccount } from '../../../server/api/contract';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/use-i18n';
import { useAuth } from '../auth/use-auth';
import { createUser, fetchUsers, updateUser } from './admin-api';

const ROLES = Role.options;

export function UsersScreen() {
  const { t } = useI18n();
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setUsers(await fetchUsers());
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  }, []);
  useEffect(() => void run(async () => undefined), [run]);

  return (
    <section className="admin-screen" data-testid="users-screen">
      <h2>{t('admin.users')}</h2>
      {error && <p className="form-error" role="alert">{error}</p>}
      {users === null ? <p>{t('state.loading')}</p> : (
        <table className="data-table">
          <thead>
            <tr><th>{t('auth.username')}</th><th>{t('admin.displayName')}</th><th>{t('admin.roles')}</th><th>{t('admin.status')}</th><th>{t('admin.lastLogin')}</th></tr>
          </thead>
          <tbody>{users.map((u) => <UserRow key={u.id} user={u} run={run} />)}</tbody>
        </table>
      )}
      <AddUserForm run={run} />
    </section>
  );
}

function UserRow({ user, run }: { user: UserAccount; run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t, tryT, lang } = useI18n();
  const me = useAuth().user;
  const toggleRole = (r: Role) => {
    const roles = user.roles.includes(r) ? user.roles.filter((x) => x !== r) : [...user.roles, r];
    void run(() => updateUser(user.id, { roles }));
  };
  return (
    <tr className={user.disabled ? 'row-disabled' : undefined}>
      <td>{user.username}</td>
      <td>{user.displayName}</td>
      <td className="role-cell">
        {ROLES.map((r) => (
          <label key={r}><input type="checkbox" checked={user.roles.includes(r)} onChange={() => toggleRole(r)} />{tryT(`role.${r}`) ?? r}</label>
        ))}
      </td>
      <td>
        {user.disabled ? t('admin.disabled') : t('admin.enabled')}{' '}
        {me?.id !== user.id && (
          <button type="button" onClick={() => void run(() => updateUser(user.id, { disabled: !user.disabled }))}>
            {user.disabled ? t('admin.enable') : t('admin.disable')}
          </button>
        )}
      </td>
      <td>{user.lastLoginAt ? new Date(user.lastLoginAt).toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') : '—'}</td>
    </tr>
  );
}

function AddUserForm({ run }: { run: (fn: () => Promise<unknown>) => Promise<void> }) {
  const { t, tryT } = useI18n();
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });
  const [roles, setRoles] = useState<Role[]>([]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await createUser({ ...form, roles });
      setForm({ username: '', displayName: '', password: '' });
      setRoles([]);
    });
  };
  const field = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <form className="admin-form" data-testid="add-user-form" onSubmit={submit}>
      <h3>{t('admin.addUser')}</h3>
      <label>{t('auth.username')}<input required pattern="[a-z0-9._\-]{3,40}" {...field('username')} /></label>
      <label>{t('admin.displayName')}<input {...field('displayName')} /></label>
      <label>{t('auth.password')}<input type="password" required minLength={10} autoComplete="new-password" {...field('password')} /></label>
      <fieldset>
        <legend>{t('admin.roles')}</legend>
        {ROLES.map((r) => (
          <label key={r}>
            <input type="checkbox" checked={roles.includes(r)} onChange={() => setRoles(roles.includes(r) ? roles.filter((x) => x !== r) : [...roles, r])} />
            {tryT(`role.${r}`) ?? r}
          </label>
        ))}
      </fieldset>
      <button type="submit">{t('admin.create')}</button>
    </form>
  );
}

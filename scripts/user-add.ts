/**
 * `npm run user:add -- --username admin --role admin [--role dia_chinh] [--display-name "…"] [--password-stdin]`
 * Creates an account on the configured database (DATABASE_URL, or the embedded one — stop the server first:
 * the embedded database serves one process). The password is prompted twice without echo, or read from stdin
 * with --password-stdin (for scripts: `printf '%s' "$PW" | npm run user:add -- … --password-stdin`).
 * This is how a server deployment gets its first admin: it never has default passwords.
 */
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type pg from 'pg';
import { Role, Username } from '../server/api/contract.ts';
import { loadConfig } from '../server/config.ts';
import { migrate } from '../server/db/migrate.ts';
import { openDatabase, withActorTransaction } from '../server/db/pool.ts';
import { accountsRepo } from '../server/features/admin/accounts.repo.ts';
import { passwordProblem } from '../server/features/auth/password.ts';
import { createLogger } from '../server/lib/log.ts';

export interface UserAddArgs { username: string; roles: Role[]; displayName: string; passwordStdin: boolean }

/** Parse the command line; throws a readable Error on bad input. */
export function parseUserAddArgs(argv: string[]): UserAddArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      role: { type: 'string', multiple: true },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const username = Username.safeParse(values.username ?? '');
  if (!username.success) throw new Error(`--username: ${username.error.issues[0].message}`);
  const roles = (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  const bad = roles.find((r) => !Role.safeParse(r).success);
  if (bad) throw new Error(`--role ${bad}: not one of ${Role.options.join(', ')}`);
  return { username: username.data, roles: [...new Set(roles)] as Role[], displayName: values['display-name'] ?? '', passwordStdin: !!values['password-stdin'] };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Read one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!process.stdin.isTTY) return reject(new Error('no terminal to prompt on: use --password-stdin'));
    process.stdout.write(question);
    process.stdin.setRawMode(true);
    process.stdin.resume();
    let typed = '';
    const onData = (buf: Buffer) => {
      for (const ch of buf.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stdout.write('\n');
          return resolve(typed);
        }
        if (ch === '\u0003') { process.stdout.write('\n'); process.exit(130); } // Ctrl-C
        if (ch === '\u007f') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

/** The new password: from stdin, or prompted twice; refuses weak ones. */
async function readPassword(fromStdin: boolean): Promise<string> {
  const password = fromStdin ? await readStdin() : await promptHidden('Mật khẩu / Password: ');
  const problem = passwordProblem(password);
  if (problem) throw new Error(`weak password: ${problem}`);
  if (!fromStdin && (await promptHidden('Nhập lại / Repeat: ')) !== password) throw new Error('the passwords differ');
  return password;
}

/** Create the account, audited as `cli:<os user>`; returns its id. */
export async function addUser(pool: pg.Pool, a: UserAddArgs & { password: string }): Promise<number> {
  const actor = `cli:${os.userInfo().username}`;
  const id = await withActorTransaction(pool, actor, (c) => accountsRepo(c).create({ ...a }));
  if (id === null) throw new Error(`user '${a.username}' exists already (change it on the admin screen)`);
  return id;
}

async function main(): Promise<void> {
  const args = parseUserAddArgs(process.argv.slice(2));
  const password = await readPassword(args.passwordStdin);
  const config = loadConfig();
  const log = createLogger('warn');
  const db = await openDatabase(config, log);
  try {
    await migrate(db.pool, log);
    const id = await addUser(db.pool, { ...args, password });
    console.log(`Created user '${args.username}' (id ${id}) with roles: ${args.roles.join(', ') || '(none)'}`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`user:add: ${(err as Error).message}`);
    process.exit(1);
  });
}

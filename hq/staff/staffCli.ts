import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { Code, type StaffAccount, StaffRole } from '../../shared/sync/entities';
import { StoreInputError, type HqStore } from '../store/store';
import { badgeHash, hashPin, PIN_PATTERN } from './pinHash';
import { readPin } from './readPin';
import { STAFF_USAGE } from './usage';

const FLAGS: Record<string, readonly string[]> = {
  add: ['id', 'name', 'role', 'store', 'badge'],
  remove: ['id'],
  list: ['json'],
};

class UsageError extends Error {}

export interface StaffIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * `npm run hq -- staff add|remove|list`: the staff accounts HQ publishes in `Settings.staff`. Works on the
 * data folder directly (HQ may be running: its live streams hear of the change as of any other write).
 * Returns the exit code: 2 for bad flags, 1 for a refusal (an unknown store, a taken id, a bad PIN).
 */
export async function staffCommand(argv: readonly string[], defaultDataDir: string, io: StaffIo = process): Promise<number> {
  try {
    const { positionals, values } = parse(argv);
    if (values.help) {
      io.stdout.write(`usage: npm run hq -- staff <add|remove|list> [options] [--data DIR]\n\n${STAFF_USAGE}\n`);
      return 0;
    }
    const command = positionals[0];
    if (command === undefined) throw new UsageError('staff needs a command: add, remove or list');
    const allowed = FLAGS[command];
    if (!allowed) throw new UsageError(`unknown staff command "${command}"`);
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    for (const flag of Object.keys(values)) {
      if (flag !== 'data' && !allowed.includes(flag)) throw new UsageError(`--${flag} is not an option of "staff ${command}"`);
    }
    const dataDir = path.resolve(values.data ?? defaultDataDir);

    switch (command) {
      case 'add': {
        const draft = accountDraft(values);
        return await withStore(dataDir, async (store) => {
          const unknown = [];
          for (const code of draft.stores) if ((await store.region(code)) === null) unknown.push(code);
          if (unknown.length > 0) throw new StoreInputError(`HQ has no store ${unknown.map((code) => `"${code}"`).join(', ')}`, unknown.map((code) => ({ path: 'store', message: `"${code}" is not one of the chain's stores` })));
          const settings = await store.staff.settings();
          if (settings === null) throw new StoreInputError('HQ has no settings published yet: publish them first (PUT /v1/settings, or start HQ with --demo)', [{ path: 'settings', message: 'none published yet' }]);
          if (settings.staff.accounts.some((account) => account.id === draft.id)) throw taken(draft.id);
          // Asked for only once the rest is known to be good: nobody types a PIN for nothing.
          const pin = await readPin(io);
          if (!PIN_PATTERN.test(pin)) throw new StoreInputError('The PIN must be 4–8 digits', [{ path: 'pin', message: 'must be 4–8 digits' }]);
          const account: StaffAccount = { ...draft, pin: hashPin(pin) };
          const result = await store.staff.updateStaff((staff) => {
            if (staff.accounts.some((existing) => existing.id === account.id)) throw taken(account.id);
            return { ...staff, accounts: [...staff.accounts, account] };
          });
          io.stdout.write(`added ${account.id} "${account.name}" (${account.role}) for ${storesText(account.stores)}; published, head ${result.cursor}\n`);
          return 0;
        });
      }
      case 'remove': {
        const id = required(values.id, '--id ID');
        return await withStore(dataDir, async (store) => {
          const result = await store.staff.updateStaff((staff) => {
            if (!staff.accounts.some((account) => account.id === id)) throw new StoreInputError(`HQ has no staff account "${id}"`, [{ path: 'id', message: 'is not a staff account' }]);
            return { ...staff, accounts: staff.accounts.filter((account) => account.id !== id) };
          });
          io.stdout.write(`removed ${id}; published, head ${result.cursor}\n`);
          return 0;
        });
      }
      default: {
        return await withStore(dataDir, async (store) => {
          const accounts = ((await store.staff.settings())?.staff.accounts ?? []).map(({ id, name, role, stores, badge }) => ({ id, name, role, stores, badge: badge !== undefined }));
          if (values.json) {
            io.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
          } else if (accounts.length === 0) {
            io.stdout.write('no staff accounts\n');
          } else {
            io.stdout.write(table([['id', 'name', 'role', 'badge', 'stores'], ...accounts.map((a) => [a.id, a.name, a.role, a.badge ? 'yes' : 'no', storesText(a.stores)])]));
          }
          return 0;
        });
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${error.message}\n\nusage: npm run hq -- staff <add|remove|list> [options] [--data DIR]\n\n${STAFF_USAGE}\n`);
      return 2;
    }
    if (error instanceof StoreInputError) {
      io.stderr.write([error.message, ...error.issues.map((issue) => `  ${issue.path}: ${issue.message}`)].join('\n') + '\n');
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        id: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        store: { type: 'string', multiple: true },
        badge: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

/** The account as the flags give it, checked as `StaffAccount` checks it, before HQ's data is opened. */
function accountDraft(values: Values): Omit<StaffAccount, 'pin'> {
  const id = required(values.id, '--id ID');
  if (!Code.safeParse(id).success) throw new UsageError('--id must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit');
  const name = required(values.name, '--name NAME').trim();
  if (name.length === 0 || name.length > 40) throw new UsageError('--name must be 1–40 characters (as the pillar shows it: "Anna K.")');
  const role = StaffRole.safeParse(required(values.role, '--role staff|manager|it'));
  if (!role.success) throw new UsageError('--role must be staff, manager or it');
  const stores = [...new Set(values.store ?? [])];
  const badge = values.badge;
  if (badge !== undefined && (badge.length < 4 || badge.length > 64)) throw new UsageError('--badge must be the 4–64 characters of the badge\'s barcode');
  return { id, name, role: role.data, stores, ...(badge === undefined ? {} : { badge: badgeHash(badge) }) };
}

function taken(id: string): StoreInputError {
  return new StoreInputError(`HQ already has a staff account "${id}": remove it first to replace it`, [{ path: 'id', message: 'is taken' }]);
}

/** Columns padded to their widest cell, the last one left as it is. */
function table(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, column) => (widths[column] = Math.max(widths[column] ?? 0, cell.length)));
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')).join('\n') + '\n';
}

function storesText(stores: readonly string[]): string {
  return stores.length === 0 ? 'every store' : stores.join(', ');
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`this command needs ${flag}`);
  return value;
}

async function withStore(dataDir: string, work: (store: HqStore) => Promise<number>): Promise<number> {
  const { openSqliteStore } = await import('../store/sqliteStore');
  const store = await openSqliteStore({ dataDir, log: pino({ level: process.env['PILLAR_LOG_LEVEL'] ?? 'warn' }, pino.destination({ dest: 2, sync: true })) });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

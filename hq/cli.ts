import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { STAFF_USAGE } from './staff/usage';
import { StoreInputError, type HqStore } from './store/store';

/**
 * `npm run hq -- <command>`: the reference HQ from a shell — serve it, import a retailer's files into it,
 * issue pillar and till tokens, compact its change log, list the orders it received, show its coupon pools
 * and redeem a code. Bad flags exit with 2, failures with 1. The server, the
 * store and the importers load only once the flags are known to be good, so a typo is answered at once.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_DATA = path.join(ROOT, '.pillar-data', 'hq');
const USAGE = `usage: npm run hq -- [command] [options]

  serve (the default)  [--port 8787] [--host 127.0.0.1] [--demo] [--scale demo|full] [--public-url URL] [--coupon-pool N]
                       [--releases DIR]
                       run HQ; prints "Pillar HQ: <url>" once it listens; --public-url is the address
                       shoppers' phones reach it at, for payment links (default: the address it listens on);
                       --coupon-pool: codes a new check-in or today-only offer starts with (default 2000);
                       --releases: electron-builder output, one folder per version, served as the update feed
  import               --catalog FILE --stock FILE (either or both)
                       import a catalog and stock levels: every row is checked, nothing is imported if one is bad
  token                --store ID [--till]
                       print a new pillar token for a store (a till token, for redeeming coupons, with --till)
  enrol                --store ID [--label TEXT] [--valid-hours 72]
                       print a one-time enrolment code for a new pillar of the store (npm run kiosk -- provision)
  rollout              --version V --percent N [--store ID …] [--channel latest]
                       the version pillars should run: the listed stores' pillars and N% of the others get V,
                       the rest stay on the last version rolled out to 100%
  compact              --keep N        drop all but the newest N changes from the log (pillars further behind
                                       resnapshot) and forget idempotency keys older than 30 days
  orders               [--store ID] [--json] [--with-contact]
                       list the orders HQ received, newest first; contact and address only with --with-contact
  coupons              [--json]        every offer's codes: minted, in HQ's pool, with pillars, issued, redeemed,
                                       and the pool warnings (never a code)
  redeem               --store ID [--transaction ID] [--json] CODE
                       redeem a code as a till of that store does (it is used up; the same --transaction again
                       gets the same answer); exit code 1 when it is refused, with the reason
${STAFF_USAGE}

every command: --data DIR (HQ's data folder; default .pillar-data/hq), --help`;

const COMMANDS: Record<string, readonly string[]> = {
  serve: ['port', 'host', 'demo', 'scale', 'public-url', 'coupon-pool', 'releases'],
  enrol: ['store', 'label', 'valid-hours'],
  rollout: ['version', 'percent', 'store', 'channel'],
  import: ['catalog', 'stock'],
  token: ['store', 'till'],
  compact: ['keep'],
  orders: ['store', 'json', 'with-contact'],
  coupons: ['json'],
  redeem: ['store', 'transaction', 'json'],
};

/** Commands that take an argument after their name. */
const ARGUMENTS: Record<string, string> = { redeem: 'CODE' };

class UsageError extends Error {}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else if (error instanceof StoreInputError) {
    console.error([error.message, ...error.issues.map((issue) => `  ${issue.path}: ${issue.message}`)].join('\n'));
    process.exitCode = 1;
  } else {
    console.error(`HQ failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

async function main(argv: string[]): Promise<number> {
  // `staff` reads its own flags (--store more than once; a PIN never among them): staff/staffCli.ts.
  if (argv[0] === 'staff') return (await import('./staff/staffCli')).staffCommand(argv.slice(1), DEFAULT_DATA);
  const { positionals, values } = parse(argv);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const command = positionals[0] ?? 'serve';
  const argument = ARGUMENTS[command];
  if (positionals.length > (argument ? 2 : 1)) throw new UsageError(`unexpected argument "${positionals[argument ? 2 : 1]}"`);
  const allowed = COMMANDS[command];
  if (!allowed) throw new UsageError(`unknown command "${command}"`);
  for (const flag of Object.keys(values)) {
    if (flag !== 'data' && flag !== 'help' && !allowed.includes(flag)) throw new UsageError(`--${flag} is not an option of "${command}"`);
  }
  const dataDir = path.resolve(values.data ?? DEFAULT_DATA);

  switch (command) {
    case 'serve':
      return serve(dataDir, values);
    case 'import': {
      if (values.catalog === undefined && values.stock === undefined) throw new UsageError('import needs --catalog FILE, --stock FILE or both');
      // Loaded here only: serving HQ never needs the file parsers.
      const { ImportError, importFiles } = await import('./import');
      return withStore(dataDir, async (store) => {
        try {
          const report = await importFiles(store, { catalog: values.catalog, stock: values.stock });
          const { catalog, stock } = report;
          if (catalog) {
            const counts = [count(catalog.products, 'product'), count(catalog.variants, 'variant'), count(catalog.categories, 'category', 'categories'), count(catalog.colours, 'colour'), count(catalog.locations, 'location')];
            console.log(`catalog ${catalog.file}: ${counts.join(', ')}`);
          }
          if (stock) console.log(`stock ${stock.file}: ${count(stock.levels, 'level')}`);
          console.log(`imported: ${count(report.changes, 'change')} logged, head ${report.cursor}`);
          return 0;
        } catch (error) {
          if (!(error instanceof ImportError)) throw error;
          for (const row of error.rows) console.error(`${row.file}:${row.line}: ${row.reason}`);
          const more = error.total > error.rows.length ? ` (the first ${error.rows.length} shown)` : '';
          console.error(`nothing imported: ${count(error.total, 'bad row')}${more}`);
          return 1;
        }
      });
    }
    case 'token': {
      const storeCode = required(values.store, '--store ID');
      return withStore(dataDir, async (store) => {
        console.log(values.till ? await store.issueTillToken(storeCode, 'command line') : await store.issueKioskToken(storeCode));
        return 0;
      });
    }
    case 'enrol': {
      const storeCode = required(values.store, '--store ID');
      const validHours = integer(values['valid-hours'] ?? '72', '--valid-hours', 1, 720);
      const { enrolCommand } = await import('./fleet/commands');
      return withStore(dataDir, async (store) => {
        process.stdout.write(await enrolCommand(store, { store: storeCode, validHours, ...(values.label === undefined ? {} : { label: values.label }) }, Date.now()));
        return 0;
      });
    }
    case 'rollout': {
      const version = required(values.version, '--version V');
      const percent = integer(required(values.percent, '--percent N'), '--percent', 0, 100);
      const { allStores, rolloutCommand } = await import('./fleet/commands');
      const stores = allStores(argv);
      return withStore(dataDir, async (store) => {
        process.stdout.write(await rolloutCommand(store, { version, percent, stores, channel: values.channel ?? 'latest' }, Date.now()));
        return 0;
      });
    }
    case 'compact': {
      const keep = integer(required(values.keep, '--keep N'), '--keep', 0, Number.MAX_SAFE_INTEGER);
      return withStore(dataDir, async (store) => {
        const head = await store.head();
        const floor = await store.compact(Math.max(0, head - keep));
        const forgotten = await store.forgetUpstreamKeys(Date.now());
        console.log(`compacted: head ${head}, floor ${floor} (pillars with a cursor below ${floor} take a snapshot)`);
        console.log(`forgot ${count(forgotten, 'idempotency key')} older than 30 days`);
        return 0;
      });
    }
    case 'orders': {
      const { listOrders } = await import('./orderList');
      return withStore(dataDir, async (store) => {
        const text = await listOrders(store, { store: values.store, json: values.json === true, personal: values['with-contact'] === true });
        process.stdout.write(text);
        return 0;
      });
    }
    case 'coupons': {
      const { listCouponPools } = await import('./couponList');
      return withStore(dataDir, async (store) => {
        process.stdout.write(await listCouponPools(store, { json: values.json === true }));
        return 0;
      });
    }
    case 'redeem': {
      const code = positionals[1];
      if (code === undefined) throw new UsageError('redeem needs the CODE to redeem');
      const storeCode = required(values.store, '--store ID');
      const transaction = values.transaction ?? `cli-${Date.now()}`;
      if (transaction.length === 0 || transaction.length > 64) throw new UsageError('--transaction must be 1–64 characters');
      const { describeRedemption } = await import('./couponList');
      // The store itself, not the HTTP API: IT can try a code with HQ stopped, and needs no till token.
      return withStore(dataDir, async (store) => {
        const answer = await store.redeemCoupon({ code, store: storeCode, transaction, by: 'cli' }, Date.now());
        process.stdout.write(describeRedemption(answer.body, answer.status, values.json === true));
        return answer.body.ok ? 0 : 1;
      });
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        scale: { type: 'string' },
        catalog: { type: 'string' },
        stock: { type: 'string' },
        store: { type: 'string' },
        keep: { type: 'string' },
        'public-url': { type: 'string' },
        'coupon-pool': { type: 'string' },
        json: { type: 'boolean' },
        'with-contact': { type: 'boolean' },
        till: { type: 'boolean' },
        transaction: { type: 'string' },
        label: { type: 'string' },
        'valid-hours': { type: 'string' },
        version: { type: 'string' },
        percent: { type: 'string' },
        channel: { type: 'string' },
        releases: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs names the flag in its first sentence; the rest is advice about "--" that only confuses here.
    throw new UsageError(error instanceof Error ? (error.message.split('. ')[0] ?? error.message) : String(error));
  }
}

type Values = ReturnType<typeof parse>['values'];

async function serve(dataDir: string, values: Values): Promise<number> {
  const port = integer(values.port ?? '8787', '--port', 0, 65_535);
  if (values.scale !== undefined && !values.demo) throw new UsageError('--scale goes with --demo');
  if (values.scale !== undefined && values.scale !== 'demo' && values.scale !== 'full') throw new UsageError('--scale must be "demo" or "full"');
  const scale = values.scale === 'full' ? 'full' : 'demo';

  const { ADMIN_TOKEN_FILE, DEMO_KIOSK_CONFIG_FILE, startHq } = await import('./server');
  const log = logger('info');
  const publicUrl = values['public-url'];
  const pool = values['coupon-pool'];
  const initialCouponPool = pool === undefined ? undefined : integer(pool, '--coupon-pool', 0, 100_000);
  const hq = await startHq({
    dataDir,
    host: values.host ?? '127.0.0.1',
    port,
    demo: values.demo ? scale : false,
    log,
    ...(publicUrl === undefined ? {} : { publicUrl }),
    ...(initialCouponPool === undefined ? {} : { initialCouponPool }),
    ...(values.releases === undefined ? {} : { releasesDir: path.resolve(values.releases) }),
  });
  // Tools that start HQ wait for exactly this line.
  console.log(`Pillar HQ: ${hq.url}`);
  console.log(process.env['PILLAR_HQ_ADMIN_TOKEN'] ? 'admin token: from PILLAR_HQ_ADMIN_TOKEN' : `admin token: in ${path.join(dataDir, ADMIN_TOKEN_FILE)}`);
  if (values.demo) console.log(`demo pillar configuration: ${path.join(dataDir, DEMO_KIOSK_CONFIG_FILE)}`);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      // A second signal means "now": do not wait for a slow close.
      process.once('SIGINT', () => process.exit(1));
      process.once('SIGTERM', () => process.exit(1));
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await hq.close();
  log.info('HQ closed');
  return 0;
}

async function withStore(dataDir: string, work: (store: HqStore) => Promise<number>): Promise<number> {
  const { openSqliteStore } = await import('./store/sqliteStore');
  const store = await openSqliteStore({ dataDir, log: logger('warn') });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

function logger(level: pino.Level): pino.Logger {
  // Standard error: standard output carries the answers other tools read.
  return pino({ level: process.env['PILLAR_LOG_LEVEL'] ?? level }, pino.destination({ dest: 2, sync: true }));
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined) throw new UsageError(`this command needs ${flag}`);
  return value;
}

function integer(text: string, flag: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
  return value;
}

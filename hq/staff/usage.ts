/** The staff commands' lines of `npm run hq -- --help` (no imports: the CLI prints its usage before loading anything). */
export const STAFF_USAGE = `  staff add            --id ID --name NAME --role staff|manager|it [--store ID …] [--badge CODE]
                       add a staff account; the PIN (4–8 digits) is read from standard input, never from
                       the command line. No --store: every store (the chain's IT). Published at once as a
                       settings change: running pillars take it through their settings feed
  staff remove         --id ID         remove a staff account (published the same way)
  staff list           [--json]        the staff accounts: id, name, role, stores, whether a badge is set (no hashes)`;

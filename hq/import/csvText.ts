import { parse } from 'csv-parse/sync';
import type { Problems } from './problems';

export interface CsvRow {
  /** The line the record starts on (a quoted field may span several lines). */
  line: number;
  /** Column name → value, as written (not trimmed). */
  values: Map<string, string>;
}

/**
 * Parses a CSV export with csv-parse, header first, keeping each record's line. Records csv-parse
 * cannot read (an unclosed quote) and records with the wrong number of fields are reported and left
 * out; so is a header with unknown, repeated or missing columns. Returns null when the header is unusable.
 */
export function readCsv(text: string, file: string, columns: { required: readonly string[]; optional: readonly string[] }, problems: Problems): CsvRow[] | null {
  const records = parse(text, {
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) problems.add(file, (error as { lines?: number }).lines ?? 0, `not valid CSV: ${error.message}`);
    },
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];

  const [head, ...body] = records;
  if (!head) {
    problems.add(file, 1, `the file is empty: it needs a header (${columns.required.join(',')})`);
    return null;
  }
  const header = head.record.map((name) => name.trim().toLowerCase());
  const known = new Set([...columns.required, ...columns.optional]);
  const line = startLine(head);
  let usable = true;
  header.forEach((name, index) => {
    if (!known.has(name)) problems.add(file, line, `unknown column "${name}" (the columns are ${[...known].join(', ')})`);
    if (header.indexOf(name) !== index) problems.add(file, line, `column "${name}" appears twice`);
  });
  for (const name of columns.required) {
    if (!header.includes(name)) {
      problems.add(file, line, `missing column "${name}"`);
      usable = false;
    }
  }
  if (!usable) return null;

  const rows: CsvRow[] = [];
  for (const record of body) {
    const at = startLine(record);
    if (record.record.length !== header.length) {
      problems.add(file, at, `has ${record.record.length} fields; the header has ${header.length}`);
      continue;
    }
    rows.push({ line: at, values: new Map(header.map((name, i) => [name, record.record[i] ?? ''])) });
  }
  return rows;
}

/** `info.lines` is where a record ends; its raw text (less blank lines skipped before it) says how many lines it spans. */
function startLine(record: { info: { lines: number }; raw: string }): number {
  const own = record.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
  return record.info.lines - (own.match(/\n/g)?.length ?? 0);
}

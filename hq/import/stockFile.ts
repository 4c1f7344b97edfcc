import { z } from 'zod';
import { LocationCode, SkuCode, StockLevel, type StockTuple } from '../../shared/sync/entities';
import { readCsv } from './csvText';
import { elementLines, parseJson } from './jsonText';
import type { Problems } from './problems';

const StockRow = z.object({ sku: SkuCode, location: LocationCode, quantity: StockLevel.shape.quantity }).strict();

/** A stock file read and checked on its own: absolute levels, and the line each came from. */
export interface ParsedStock {
  levels: StockTuple[];
  lines: number[];
}

/**
 * A stock export: CSV with the columns `sku,location,quantity` or a JSON array of
 * `{ sku, location, quantity }`. Levels are absolute (a count), stamped with the import's clock; a SKU
 * listed twice at one location is refused (which of the two counts is right?).
 */
export function readStock(text: string, file: string, format: 'csv' | 'json', changedAt: number, problems: Problems): ParsedStock | null {
  const rows: { line: number; row: unknown }[] = [];
  if (format === 'csv') {
    const csv = readCsv(text, file, { required: ['sku', 'location', 'quantity'], optional: [] }, problems);
    if (!csv) return null;
    for (const { line, values } of csv) {
      const quantity = (values.get('quantity') ?? '').trim();
      if (!/^\d{1,9}$/.test(quantity)) {
        problems.add(file, line, `quantity: "${quantity}" is not a whole number of items`);
        continue;
      }
      rows.push({ line, row: { sku: values.get('sku')?.trim(), location: values.get('location')?.trim(), quantity: Number(quantity) } });
    }
  } else {
    const parsed = parseJson(text);
    if (!parsed.ok) {
      problems.add(file, parsed.line, parsed.reason);
      return null;
    }
    if (!Array.isArray(parsed.value)) {
      problems.add(file, 1, 'a stock file is an array of { "sku", "location", "quantity" }');
      return null;
    }
    const lines = elementLines(text).root;
    parsed.value.forEach((row, index) => rows.push({ line: lines[index] ?? 0, row }));
  }

  const stock: ParsedStock = { levels: [], lines: [] };
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const result = StockRow.safeParse(row);
    if (!result.success) {
      for (const issue of result.error.issues) problems.add(file, line, `${issue.path.join('.') || 'row'}: ${issue.message}`);
      continue;
    }
    const { sku, location, quantity } = result.data;
    const key = `${sku}\u0000${location}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.add(file, line, `repeats SKU ${sku} at ${location} (also on line ${first})`);
      continue;
    }
    seen.set(key, line);
    stock.levels.push([sku, location, quantity, changedAt]);
    stock.lines.push(line);
  }
  return stock;
}

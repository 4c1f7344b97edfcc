import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreInputError, type HqStore } from '../store/store';
import { readCatalogCsv } from './catalogCsv';
import { type CatalogCounts, type ParsedCatalog, readCatalogJson } from './catalogJson';
import { ImportError, type ImportProblem, Problems } from './problems';
import { type ParsedStock, readStock } from './stockFile';

export { ImportError, MAX_PROBLEMS, type ImportProblem } from './problems';
export { CATALOG_CSV_COLUMNS } from './catalogCsv';

export interface ImportReport {
  catalog?: { file: string; format: Format } & CatalogCounts;
  stock?: { file: string; format: Format; levels: number };
  /** HQ's head after the import. */
  cursor: number;
  /** Changes the import logged (rows equal to what HQ held log none). */
  changes: number;
}

type Format = 'csv' | 'json';

/**
 * Imports exports of the retailer's systems: a catalog (CSV, one row per variant, or JSON) and/or stock
 * levels (CSV or JSON). Every row of both files is checked — first on its own, then against what HQ
 * holds — and every bad row is reported with its file, line and reason (`ImportError`, at most
 * `MAX_PROBLEMS` of them). All or nothing: the catalog and its stock are published in one write, so a
 * single bad row leaves HQ exactly as it was.
 */
export async function importFiles(store: HqStore, files: { catalog?: string; stock?: string }, options: { now?: number } = {}): Promise<ImportReport> {
  const problems = new Problems();
  if (!files.catalog && !files.stock) throw new ImportError([{ file: '', line: 0, reason: 'nothing to import: give a catalog file, a stock file, or both' }]);

  let catalog: ParsedCatalog | null = null;
  let catalogFormat: Format = 'csv';
  if (files.catalog) {
    const text = await readText(files.catalog, problems);
    if (text !== null) {
      catalogFormat = formatOf(files.catalog, text);
      catalog = catalogFormat === 'csv' ? await readCatalogCsv(text, files.catalog, store, problems) : readCatalogJson(text, files.catalog, problems);
    }
  }
  let stock: ParsedStock | null = null;
  let stockFormat: Format = 'csv';
  if (files.stock) {
    const text = await readText(files.stock, problems);
    if (text !== null) {
      stockFormat = formatOf(files.stock, text);
      stock = readStock(text, files.stock, stockFormat, options.now ?? Date.now(), problems);
    }
  }
  const input = { ...(catalog?.input ?? {}), ...(stock ? { stock: stock.levels } : {}) };
  if (problems.any) {
    // The rows that passed their own checks still go through HQ's (a dry run that keeps nothing), so one
    // report lists every bad row, not just the first kind found.
    await store.publishCatalog(input, { dryRun: true }).catch((error: unknown) => {
      if (!(error instanceof StoreInputError)) throw error;
      for (const row of storeProblems(error, files, catalog, stock)) problems.add(row.file, row.line, row.reason);
    });
    problems.throwIfAny();
  }

  let published;
  try {
    published = await store.publishCatalog(input);
  } catch (error) {
    if (!(error instanceof StoreInputError)) throw error;
    const refused = new Problems();
    for (const row of storeProblems(error, files, catalog, stock)) refused.add(row.file, row.line, row.reason);
    refused.throwIfAny();
    throw error;
  }
  return {
    ...(files.catalog && catalog ? { catalog: { file: files.catalog, format: catalogFormat, ...catalog.counts } } : {}),
    ...(files.stock && stock ? { stock: { file: files.stock, format: stockFormat, levels: stock.levels.length } } : {}),
    cursor: published.cursor,
    changes: published.changes,
  };
}

/** HQ's refusals (an unknown category, a SKU another product holds, stock for an unknown SKU) at the rows they concern. */
function storeProblems(error: StoreInputError, files: { catalog?: string; stock?: string }, catalog: ParsedCatalog | null, stock: ParsedStock | null): ImportProblem[] {
  const rows = error.issues.map(({ path: issuePath, message }): ImportProblem => {
    const [section, index, ...rest] = issuePath.split('.');
    if (section === 'stock' && stock && files.stock) {
      const level = stock.levels[Number(index)];
      return { file: files.stock, line: stock.lines[Number(index)] ?? 0, reason: `${rest.join('.') || 'row'}: ${message}${level ? ` (SKU ${level[0]} at ${level[1]})` : ''}` };
    }
    const at = catalog?.locate(issuePath) ?? { line: 0, reason: issuePath };
    return { file: files.catalog ?? '', line: at.line, reason: `${at.reason}: ${message}` };
  });
  return rows.length > 0 ? rows : [{ file: files.catalog ?? files.stock ?? '', line: 0, reason: error.message }];
}

async function readText(file: string, problems: Problems): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    problems.add(file, 0, `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return null;
  }
}

/** By extension; an unknown one by the first character (JSON starts with "[" or "{"). */
function formatOf(file: string, text: string): Format {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.json') return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** A bad row of an import file: where it is and what is wrong with it. Line 0 means the file as a whole. */
export interface ImportProblem {
  file: string;
  line: number;
  reason: string;
}

/** Most problems reported: enough to fix a file in one go, never a flood. */
export const MAX_PROBLEMS = 100;

/** An import refused: nothing of it was published. `rows` lists the problems found (at most `MAX_PROBLEMS`). */
export class ImportError extends Error {
  constructor(
    readonly rows: ImportProblem[],
    /** How many problems there were in all (more than `rows` holds when there were very many). */
    readonly total = rows.length,
  ) {
    const first = rows[0];
    super(first ? `${total} bad row${total === 1 ? '' : 's'}; the first: ${first.file}:${first.line}: ${first.reason}` : 'The import was refused');
    this.name = 'ImportError';
  }
}

/** Collects the problems of one import, in file and line order once done. */
export class Problems {
  readonly #rows: ImportProblem[] = [];
  #total = 0;

  add(file: string, line: number, reason: string): void {
    this.#total++;
    this.#rows.push({ file, line, reason });
  }

  get any(): boolean {
    return this.#total > 0;
  }

  throwIfAny(): void {
    if (!this.any) return;
    const rows = [...this.#rows].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)).slice(0, MAX_PROBLEMS);
    throw new ImportError(rows, this.#total);
  }
}

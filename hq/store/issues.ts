import type { z } from 'zod';
import { StoreInputError, SubmissionRefused } from './store';

/** Most issues one refusal lists: enough to fix a file, never a megabyte of error. */
export const MAX_ISSUES = 100;

/**
 * The problems found in one write, collected row by row so the caller hears about every bad row at once
 * (up to `MAX_ISSUES`), then refused together: nothing of the write is kept.
 */
export class Issues {
  readonly list: { path: string; message: string }[] = [];
  count = 0;

  add(path: string, message: string): void {
    this.count++;
    if (this.list.length < MAX_ISSUES) this.list.push({ path, message });
  }

  get full(): boolean {
    return this.count >= MAX_ISSUES;
  }

  /** Parses `value` with `schema`; on failure records each issue under `path` and returns undefined. */
  parse<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add(joinPath(path, issue.path), issue.message);
    return undefined;
  }

  /** Throws a `StoreInputError` naming the first problems, if there are any. */
  throwIfAny(what: string): void {
    if (this.count > 0) throw new StoreInputError(this.#summary(what), this.list);
  }

  /** Throws a `SubmissionRefused` (422: well-formed, but HQ cannot take it) naming the first problems, if there are any. */
  refuseIfAny(what: string): void {
    if (this.count > 0) throw new SubmissionRefused(this.#summary(what), this.list);
  }

  #summary(what: string): string {
    const first = this.list[0];
    const more = this.count > 1 ? ` (and ${this.count - 1} more)` : '';
    return `${what}: ${first ? `${first.path}: ${first.message}` : 'invalid'}${more}`;
  }
}

export function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return [prefix, ...path.map(String)].filter((part) => part !== '').join('.');
}

/** A value checked again by the store itself (its callers are not only the HTTP routes): `StoreInputError` (400) when it is not valid. */
export function parsed<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const issues = new Issues();
  const value = issues.parse(schema, input, '');
  issues.throwIfAny(what);
  if (value === undefined) throw new Error('unreachable: a refused value has issues');
  return value;
}

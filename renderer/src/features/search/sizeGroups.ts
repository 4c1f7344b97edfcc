/** The kinds of size a catalog mixes, each shown as its own group of chips. */
export const SIZE_KINDS = ['letter', 'number', 'waistLength', 'length'] as const;
export type SizeKind = (typeof SIZE_KINDS)[number];

/** What kind of size this is, from how it is written (HQ sends sizes as text: "M", "42", "W32 L34", "90 cm"). */
export function sizeKind(size: string): SizeKind {
  if (/^W\d+\s*L\d+$/i.test(size)) return 'waistLength';
  if (/^\d+(?:[.,]\d+)?\s*cm$/i.test(size)) return 'length';
  if (/^\d+(?:[.,/]\d+)?$/.test(size)) return 'number';
  return 'letter';
}

/**
 * The sizes in groups of one kind, in the order the groups first appear and each group in the given
 * (size) order, so sixty sizes read as four short runs rather than one long one.
 */
export function groupSizes(sizes: readonly string[]): { kind: SizeKind; sizes: string[] }[] {
  const groups = new Map<SizeKind, string[]>();
  for (const size of sizes) {
    const kind = sizeKind(size);
    groups.set(kind, [...(groups.get(kind) ?? []), size]);
  }
  return [...groups].map(([kind, grouped]) => ({ kind, sizes: grouped }));
}

export type SizeBucket = 'XS' | 'S' | 'M' | 'L' | 'XL';

/** Size bucket by changed lines (additions + deletions): XS <10, S <50, M <250, L <1000, XL. */
export function sizeBucket(changedLines: number): SizeBucket {
  if (changedLines < 10) return 'XS';
  if (changedLines < 50) return 'S';
  if (changedLines < 250) return 'M';
  if (changedLines < 1000) return 'L';
  return 'XL';
}

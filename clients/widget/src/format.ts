/** Small pure formatting helpers for the view. */

/** The badge text: the count, "9+" above nine, empty at zero (badge hidden). */
export function badgeLabel(count: number, formatNumber: (n: number) => string = String): string {
  if (count <= 0) return '';
  return count > 9 ? `${formatNumber(9)}+` : formatNumber(count);
}

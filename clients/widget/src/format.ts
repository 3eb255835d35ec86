/** Small pure formatting helpers for the view. */

/** The badge text: the count, "9+" above nine, empty at zero (badge hidden). */
export function badgeLabel(count: number): string {
  if (count <= 0) return '';
  return count > 9 ? '9+' : String(count);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14:05" in the viewer's local time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

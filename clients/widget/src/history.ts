/**
 * Paging back through the history: whether older messages exist, and how to
 * keep the message the reader is looking at in place while a page is added
 * above it.
 */

export const PAGE_SIZE = 50;

export interface HistoryState {
  /** Messages older than the oldest loaded one exist. */
  readonly hasMore: boolean;
  /** Some older page was loaded: the newest page no longer says what is above. */
  readonly pagedBack: boolean;
  readonly loading: boolean;
}

export const freshHistory: HistoryState = { hasMore: false, pagedBack: false, loading: false };

/** The newest page arrived: its `hasMore` holds until the reader pages back. */
export function historyAfterNewest(state: HistoryState, hasMore: boolean): HistoryState {
  return state.pagedBack ? state : { ...state, hasMore };
}

export function canLoadOlder(state: HistoryState): boolean {
  return state.hasMore && !state.loading;
}

export function historyLoading(state: HistoryState): HistoryState {
  return { ...state, loading: true };
}

export function historyAfterOlder(hasMore: boolean): HistoryState {
  return { hasMore, pagedBack: true, loading: false };
}

export function historyFailed(state: HistoryState): HistoryState {
  return { ...state, loading: false };
}

/** A row of the list, in pixels from the top of the scrolled content. */
export interface RowBox {
  readonly key: string;
  readonly top: number;
  readonly bottom: number;
}

/** The reader's place: a row, and how far its top is below the top of the view. */
export interface ScrollAnchor {
  readonly key: string;
  readonly offset: number;
}

/** The first row still (partly) visible at `scrollTop`. */
export function anchorAt(rows: readonly RowBox[], scrollTop: number): ScrollAnchor | null {
  const row = rows.find((box) => box.bottom > scrollTop) ?? rows[rows.length - 1];
  return row ? { key: row.key, offset: row.top - scrollTop } : null;
}

/** The scrollTop that puts the anchor's row, now at `rowTop`, back where the reader saw it. */
export function scrollTopFor(anchor: ScrollAnchor, rowTop: number): number {
  return Math.max(0, rowTop - anchor.offset);
}

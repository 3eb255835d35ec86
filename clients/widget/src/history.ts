/**
 * Paging back through the history: whether older messages exist, and how to
 * keep the message the reader is looking at in place while a page is added
 * above it.
 */

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

/** A row of the list, where it is on the screen (px, as getBoundingClientRect). */
export interface RowBox {
  readonly key: string;
  readonly top: number;
  readonly bottom: number;
}

/**
 * The reader's place: the first row they can see, by its bottom edge (the
 * row's day heading, at its top, may go away when an older page brings
 * earlier messages of the same day).
 */
export interface ScrollAnchor {
  readonly key: string;
  readonly bottom: number;
}

/** The first row still (partly) visible below `viewTop`, the top edge of the scrolled view. */
export function anchorAt(rows: readonly RowBox[], viewTop: number): ScrollAnchor | null {
  const row = rows.find((box) => box.bottom > viewTop) ?? rows[rows.length - 1];
  return row ? { key: row.key, bottom: row.bottom } : null;
}

/** The scrollTop that moves the anchor's row, whose bottom is now at `bottom`, back where it was. */
export function scrollTopKeeping(anchor: ScrollAnchor, scrollTop: number, bottom: number): number {
  return Math.max(0, scrollTop + bottom - anchor.bottom);
}

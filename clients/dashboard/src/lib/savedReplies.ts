// The composer's "/" picker: which saved replies match what is typed, and inserting one.

export interface SavedReply {
  id: string;
  shortcut: string;
  title: string;
  content: string;
}

/** A "/word" being typed: where its "/" is and the word so far. */
export interface SlashToken {
  start: number;
  query: string;
}

/** The "/word" that ends at the caret, if it starts the text or follows a space. */
export function slashToken(text: string, caret: number): SlashToken | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/(\S*)$/.exec(before);
  if (!match) return null;
  return { start: before.length - match[2]!.length - 1, query: match[2]! };
}

/**
 * Replies whose shortcut or title contains the query (case-insensitive), those whose
 * shortcut starts with it first, then by shortcut.
 */
export function filterReplies(replies: readonly SavedReply[], query: string): SavedReply[] {
  const needle = query.toLowerCase();
  const rank = (reply: SavedReply): number => (reply.shortcut.toLowerCase().startsWith(needle) ? 0 : 1);
  return replies
    .filter(
      (reply) => reply.shortcut.toLowerCase().includes(needle) || reply.title.toLowerCase().includes(needle),
    )
    .sort((a, b) => rank(a) - rank(b) || a.shortcut.localeCompare(b.shortcut));
}

/** The text with the "/word" at `token` (up to the caret) replaced by `content`, and the new caret. */
export function insertReply(
  text: string,
  caret: number,
  token: SlashToken,
  content: string,
): { text: string; caret: number } {
  const next = text.slice(0, token.start) + content + text.slice(caret);
  return { text: next, caret: token.start + content.length };
}

/** The picker's highlighted row after an arrow key, wrapping around. */
export function stepHighlight(index: number, count: number, step: 1 | -1): number {
  return count === 0 ? 0 : (index + step + count) % count;
}

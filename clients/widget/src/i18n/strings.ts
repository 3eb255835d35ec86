/**
 * Every text the widget shows or announces. `{name}` marks a value filled in
 * at run time; plural texts have one form per `Intl.PluralRules` category of
 * the language (`other` is required and used for any missing category).
 * Keys marked "later" are for features that are not built yet.
 */

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Strings {
  /** Panel header and dialog label, unless the `title` option is given. */
  title: string;
  /** Shown in the panel before the first message, unless the `greeting` option is given. */
  greeting: string;
  /** Launcher's accessible name while the panel is closed and nothing is unread. */
  openChat: string;
  /** Launcher's accessible name while the panel is closed: `{count}` unread messages. */
  openChatUnread: PluralForms;
  /** Launcher and header close button while the panel is open. */
  closeChat: string;
  /** The connection dot. */
  connected: string;
  disconnected: string;
  /** The message list's label. */
  messages: string;
  /** Read before each message by screen readers. */
  fromYou: string;
  fromSupport: string;
  /** Announced (politely) when a support message arrives: `{message}`. */
  newMessage: string;
  /** The textarea's label and placeholder. */
  messageInput: string;
  placeholder: string;
  send: string;
  sending: string;
  notSent: string;
  retry: string;
  /** Under the user's last message once support has read it. */
  seen: string;
  /** Availability: under the title; `supportAway` in the panel when the server has no away text. */
  supportOnline: string;
  supportOffline: string;
  supportAway: string;
  /** `{name}` (of a support agent) is typing. */
  typing: string;
  /** The rating once staff archived the chat; `ratingStars` labels star `{count}`. */
  ratingPrompt: string;
  ratingStars: PluralForms;
  ratingComment: string;
  ratingSend: string;
  ratingThanks: string;
  /** Paging back through the history. */
  loadOlder: string;
  /** Later: attachments. */
  attachFile: string;
  fileTooLarge: string;
  fileTypeUnsupported: string;
}

export type StringKey = keyof Strings;

/** The keys whose value is a set of plural forms rather than one text. */
export const PLURAL_KEYS: ReadonlySet<StringKey> = new Set<StringKey>(['openChatUnread', 'ratingStars']);

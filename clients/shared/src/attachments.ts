/** Attachments as both clients select them, and the words both use for a refused upload. */
import type { Attachment as ContractAttachment } from './contract';

/** `url` is signed and time-limited: refetch the message after `urlExpiresAt`. */
export type Attachment = Readonly<
  Pick<
    ContractAttachment,
    'id' | 'filename' | 'contentType' | 'size' | 'width' | 'height' | 'url' | 'thumbnailUrl' | 'urlExpiresAt'
  >
>;

export const ATTACHMENT_FIELDS = 'id filename contentType size width height url thumbnailUrl urlExpiresAt';

/** At most this many attachments go with one message (the server refuses more). */
export const MAX_ATTACHMENTS = 5;

export function isImage(attachment: Pick<Attachment, 'contentType'>): boolean {
  return attachment.contentType.startsWith('image/');
}

/** "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why an upload failed, in words for the person who tried, from the error code. */
export function uploadProblem(code: string): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'That file is too big to send.';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'That kind of file can’t be sent. Images, PDFs and text files are fine.';
    case 'RATE_LIMITED':
      return 'Too many files at once. Try again in a minute.';
    case 'TOO_MANY':
      return `At most ${MAX_ATTACHMENTS} files per message.`;
    default:
      return 'The file could not be uploaded. Try again.';
  }
}

/** Fetch messages again this long before their links expire. */
export const LINK_REFRESH_MARGIN_MS = 2 * 60_000;

/** When the first attachment link among these messages stops working (ms), or null for none. */
export function linksExpireAt(
  entries: readonly { readonly attachments?: readonly Pick<Attachment, 'urlExpiresAt'>[] }[],
): number | null {
  let first: number | null = null;
  for (const entry of entries) {
    for (const attachment of entry.attachments ?? []) {
      const at = Date.parse(attachment.urlExpiresAt);
      if (first === null || at < first) first = at;
    }
  }
  return first;
}

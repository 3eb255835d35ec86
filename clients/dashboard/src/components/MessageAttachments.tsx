import { useCallback, useState } from 'preact/hooks';
import { formatSize, isImage, type Attachment } from '../../../shared/src/attachments';
import { Lightbox } from './Lightbox';

/** A message's files: thumbnails that open in a lightbox, chips that download the rest. */
export function MessageAttachments({ attachments }: { attachments: readonly Attachment[] | undefined }) {
  const [open, setOpen] = useState<Attachment | null>(null);
  const close = useCallback(() => setOpen(null), []);
  if (!attachments?.length) return null;
  return (
    <div class="attachments">
      {attachments.map((attachment) =>
        isImage(attachment) && attachment.thumbnailUrl ? (
          <button
            type="button"
            key={attachment.id}
            class="attachments__thumbnail"
            onClick={() => setOpen(attachment)}
            aria-label={`Open ${attachment.filename}`}
            data-testid="attachment"
          >
            <img src={attachment.thumbnailUrl} alt={attachment.filename} loading="lazy" />
          </button>
        ) : (
          <a
            key={attachment.id}
            class="attachments__chip"
            href={attachment.url}
            download={attachment.filename}
            data-testid="attachment"
          >
            <span class="attachments__name">{attachment.filename}</span>
            <span class="attachments__size">{formatSize(attachment.size)}</span>
          </a>
        ),
      )}
      {open && <Lightbox image={open} onClose={close} />}
    </div>
  );
}

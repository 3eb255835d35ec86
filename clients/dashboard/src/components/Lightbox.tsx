import { useEffect, useRef } from 'preact/hooks';
import type { Attachment } from '../../../shared/src/attachments';

interface Props {
  image: Attachment;
  onClose: () => void;
}

/** One image over the page; Escape, the close button or a click outside it closes. */
export function Lightbox({ image, onClose }: Props) {
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    close.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, [onClose]);

  return (
    <div
      class="lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={image.filename}
      data-testid="lightbox"
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <img class="lightbox__image" src={image.url} alt={image.filename} />
      <div class="lightbox__bar">
        <a href={image.url} target="_blank" rel="noopener noreferrer">
          {image.filename}
        </a>
        <button ref={close} type="button" class="button" onClick={onClose} data-testid="lightbox-close">
          Close
        </button>
      </div>
    </div>
  );
}

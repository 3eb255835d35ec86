import type { Uploads } from '../hooks/useUploads';

/** The files waiting for the next reply: name, upload progress, remove; and why one failed. */
export function UploadTray({ uploads }: { uploads: Uploads }) {
  if (uploads.pending.length === 0 && !uploads.problem) return null;
  return (
    <div class="upload-tray">
      <ul class="upload-tray__files" data-testid="tray">
        {uploads.pending.map((upload) => (
          <li class="upload-tray__file" key={upload.key} data-testid="pending-file" data-state={upload.attachment ? 'ready' : 'uploading'}>
            <span class="upload-tray__name">{upload.name}</span>
            {!upload.attachment && <progress max={1} value={upload.progress} aria-label={`Uploading ${upload.name}`} />}
            <button type="button" class="upload-tray__remove" aria-label={`Remove ${upload.name}`} onClick={() => uploads.remove(upload.key)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {uploads.problem && (
        <p class="upload-tray__problem" role="alert" data-testid="upload-error">
          {uploads.problem}
        </p>
      )}
    </div>
  );
}

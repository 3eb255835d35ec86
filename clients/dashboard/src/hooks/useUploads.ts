// The files being uploaded for the next message of one chat: progress, problems, removal.
import { useCallback, useRef, useState } from 'preact/hooks';
import { MAX_ATTACHMENTS, uploadProblem, type Attachment } from '../../../shared/src/attachments';
import { UploadError, uploadAttachment } from '../lib/upload';

export interface PendingUpload {
  readonly key: string;
  readonly name: string;
  readonly progress: number;
  readonly attachment: Attachment | null;
}

export interface Uploads {
  pending: readonly PendingUpload[];
  /** Why the last file could not be added, in words; null when none failed. */
  problem: string | null;
  add: (files: readonly File[]) => void;
  remove: (key: string) => void;
  /** Uploaded and waiting for the next message. */
  ready: Attachment[];
  uploading: boolean;
  clear: () => void;
}

let nextKey = 0;

export function useUploads(chatId: string): Uploads {
  const [pending, setPending] = useState<readonly PendingUpload[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const count = useRef(0);
  count.current = pending.length;

  const update = (key: string, change: Partial<PendingUpload>) =>
    setPending((all) => all.map((upload) => (upload.key === key ? { ...upload, ...change } : upload)));
  const remove = useCallback((key: string) => setPending((all) => all.filter((upload) => upload.key !== key)), []);

  const add = useCallback(
    (files: readonly File[]) => {
      const room = Math.max(MAX_ATTACHMENTS - count.current, 0);
      setProblem(files.length > room ? uploadProblem('TOO_MANY') : null);
      const started = files.slice(0, room).map((file): PendingUpload => {
        const key = `upload-${nextKey++}`;
        uploadAttachment(file, chatId, (progress) => update(key, { progress })).then(
          (attachment) => update(key, { attachment, progress: 1 }),
          (error: unknown) => {
            remove(key);
            setProblem(uploadProblem(error instanceof UploadError ? error.code : 'ERROR'));
          },
        );
        return { key, name: file.name || 'image', progress: 0, attachment: null };
      });
      count.current += started.length;
      setPending((all) => [...all, ...started]);
    },
    [chatId, remove],
  );

  const clear = useCallback(() => {
    setPending([]);
    setProblem(null);
  }, []);

  return {
    pending,
    problem,
    add,
    remove,
    ready: pending.flatMap((upload) => (upload.attachment ? [upload.attachment] : [])),
    uploading: pending.some((upload) => upload.attachment === null),
    clear,
  };
}

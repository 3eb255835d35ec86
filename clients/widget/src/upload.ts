/**
 * One file to the server as `uploadAttachment` (GraphQL multipart request), over
 * XMLHttpRequest for its upload progress; one retry after a token refresh.
 */
import { ATTACHMENT_FIELDS, type Attachment } from '../../shared/src/attachments';
import { ApiError } from './api';
import type { TokenSource } from './auth';

const UPLOAD_MUTATION = `mutation($file: Upload!) { uploadAttachment(file: $file) { ${ATTACHMENT_FIELDS} } }`;

interface UploadResponse {
  data?: { uploadAttachment?: Attachment } | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

function post(url: string, token: string, file: File, onProgress: (fraction: number) => void) {
  return new Promise<Attachment>((resolve, reject) => {
    const body = new FormData();
    body.append('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null } }));
    body.append('map', JSON.stringify({ 0: ['variables.file'] }));
    body.append('0', file, file.name || 'pasted-image');
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError('NETWORK', 'upload failed'));
    request.onload = () => {
      const response = (request.response ?? {}) as UploadResponse;
      const error = response.errors?.[0];
      const attachment = response.data?.uploadAttachment;
      if (error) reject(new ApiError(error.extensions?.code ?? 'ERROR', error.message ?? ''));
      else if (attachment) resolve(attachment);
      else reject(new ApiError(request.status === 413 ? 'PAYLOAD_TOO_LARGE' : `HTTP_${request.status}`, ''));
    };
    request.send(body);
  });
}

export type Uploader = (file: File, onProgress: (fraction: number) => void) => Promise<Attachment>;

export function createUploader(url: string, auth: TokenSource): Uploader {
  return async (file, onProgress) => {
    const token = await auth.current();
    try {
      return await post(url, token, file, onProgress);
    } catch (error) {
      if (!(error instanceof ApiError && error.code === 'UNAUTHENTICATED')) throw error;
      const fresh = await auth.refresh(token);
      if (fresh === null) throw error;
      return post(url, fresh, file, onProgress);
    }
  };
}

// One file to the API as `uploadAttachment(file, chatId)` (GraphQL multipart request), over
// XMLHttpRequest for its upload progress. The staff token comes from this tab's session.
import { ATTACHMENT_FIELDS, type Attachment } from '../../../shared/src/attachments';
import { loadSession } from './session';

const GRAPHQL_PATH = '/graphql';
const UPLOAD_MUTATION = `mutation($file: Upload!, $chatId: ID) { uploadAttachment(file: $file, chatId: $chatId) { ${ATTACHMENT_FIELDS} } }`;

/** A refused or failed upload; `code` is the GraphQL `extensions.code`, or NETWORK / HTTP_<status>. */
export class UploadError extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = 'UploadError';
  }
}

interface UploadResponse {
  data?: { uploadAttachment?: Attachment } | null;
  errors?: { extensions?: { code?: string } }[];
}

export function uploadAttachment(
  file: File,
  chatId: string,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append('operations', JSON.stringify({ query: UPLOAD_MUTATION, variables: { file: null, chatId } }));
    body.append('map', JSON.stringify({ 0: ['variables.file'] }));
    body.append('0', file, file.name || 'pasted-image.png');
    const request = new XMLHttpRequest();
    request.open('POST', GRAPHQL_PATH);
    request.setRequestHeader('Authorization', `Bearer ${loadSession()?.token ?? ''}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new UploadError('NETWORK'));
    request.onload = () => {
      const response = (request.response ?? {}) as UploadResponse;
      const code = response.errors?.[0]?.extensions?.code;
      const attachment = response.data?.uploadAttachment;
      if (code) reject(new UploadError(code));
      else if (attachment) resolve(attachment);
      else reject(new UploadError(request.status === 413 ? 'PAYLOAD_TOO_LARGE' : `HTTP_${request.status}`));
    };
    request.send(body);
  });
}

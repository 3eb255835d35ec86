import { describe, expect, it } from 'vitest';
import { formatSize, linksExpireAt, uploadProblem } from '../src/attachments';

describe('linksExpireAt', () => {
  it('is the earliest expiry of any attachment, or null without attachments', () => {
    const entries = [
      { attachments: [{ urlExpiresAt: '2026-12-01T10:00:00.000Z' }] },
      {},
      { attachments: [{ urlExpiresAt: '2026-12-01T09:50:00.000Z' }, { urlExpiresAt: '2026-12-01T11:00:00.000Z' }] },
    ];
    expect(linksExpireAt(entries)).toBe(Date.parse('2026-12-01T09:50:00.000Z'));
    expect(linksExpireAt([{}, { attachments: [] }])).toBeNull();
  });
});

describe('words for people', () => {
  it('says why an upload failed', () => {
    expect(uploadProblem('PAYLOAD_TOO_LARGE')).toMatch(/too big/);
    expect(uploadProblem('UNSUPPORTED_MEDIA_TYPE')).toMatch(/kind of file/);
    expect(uploadProblem('SOMETHING_ELSE')).toMatch(/could not be uploaded/);
  });

  it('formats sizes', () => {
    expect([formatSize(32), formatSize(2048), formatSize(3.4 * 1024 * 1024)]).toEqual(['32 B', '2 KB', '3.4 MB']);
  });
});

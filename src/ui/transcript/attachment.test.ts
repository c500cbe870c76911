import { describe, expect, it } from 'vitest';
import { fileKind } from './attachment';

describe('fileKind: the short type on a file chip', () => {
  it('is the extension when the service knows it, whatever the MIME type says', () => {
    expect(fileKind('invoice.pdf', 'application/pdf')).toBe('PDF');
    expect(fileKind('Report.DOCX', 'application/octet-stream')).toBe('DOCX');
  });

  it('comes from the MIME type when the extension is unknown or missing', () => {
    expect(fileKind('notes', 'text/plain')).toBe('TXT');
    expect(fileKind('photo.backup', 'image/jpeg')).toBe('JPG'); // not JFIF, its rarest extension
    expect(fileKind('archive.zzz', 'application/x-custom-thing')).toBe('CUSTOM-T');
    expect(fileKind('data.bin', 'application/vnd.ms-excel')).toBe('XLS');
  });

  it('is an unknown extension when there is no MIME type, and empty when there is neither', () => {
    expect(fileKind('model.stl', '')).toBe('STL');
    expect(fileKind('README', '')).toBe('');
  });
});

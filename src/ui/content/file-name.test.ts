import { describe, expect, it } from 'vitest';
import { plainFileName } from './file-name';

describe('file names as shown and sent', () => {
  it('drops bidirectional controls, so the real extension is the one shown', () => {
    expect(plainFileName('invoice\u202efdp.exe')).toBe('invoicefdp.exe');
    expect(plainFileName('\u2067report\u2069.pdf\u200f')).toBe('report.pdf');
    expect(plainFileName('قائمة الأسعار.pdf')).toBe('قائمة الأسعار.pdf'); // right-to-left text itself stays
  });

  it('a name of controls only becomes "file"', () => {
    expect(plainFileName('\u202e\u202c')).toBe('file');
  });
});

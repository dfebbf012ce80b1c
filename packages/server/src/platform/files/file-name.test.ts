import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors';
import { attachmentDisposition, cleanFileName, getCleanFileName, withExtension } from './file-name';

describe('cleanFileName', () => {
  it('keeps Vietnamese names, composed and trimmed', () => {
    expect(cleanFileName('  Kế hoạch 125-KH-UBND.pdf ')).toBe('Kế hoạch 125-KH-UBND.pdf');
    // Decomposed input (as macOS sends it) is stored composed.
    expect(cleanFileName('Ke\u0302\u0301 hoa\u0323ch.docx')).toBe('Kế hoạch.docx');
    expect(cleanFileName('a'.repeat(200))).toBe('a'.repeat(200));
  });

  it.each([
    '',
    '   ',
    '../../etc/passwd',
    '..\\win.ini',
    'a/b.pdf',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    'bao-cao..pdf',
    'a\u0000.pdf',
    'a\u0001.pdf',
    'a\n.pdf',
    'hoa-don\u202Efdp.exe',
    '.htaccess',
    '.pdf',
    'a'.repeat(201),
  ])('refuses %j', (name) => {
    expect(cleanFileName(name)).toBeUndefined();
  });

  it('throws 422 file_name_invalid through getCleanFileName', () => {
    expect(() => getCleanFileName('../x.pdf')).toThrow(AppError);
    try {
      getCleanFileName('../x.pdf');
    } catch (error) {
      expect((error as AppError).status).toBe(422);
      expect((error as AppError).code).toBe('file_name_invalid');
    }
  });
});

describe('withExtension', () => {
  it('adds the extension of the real type unless present', () => {
    expect(withExtension('Ke hoach.PDF', 'pdf')).toBe('Ke hoach.PDF');
    expect(withExtension('Ke hoach.docx', 'pdf')).toBe('Ke hoach.docx.pdf');
    expect(withExtension('Ke hoach', 'docx')).toBe('Ke hoach.docx');
    expect(withExtension('a'.repeat(200), 'pdf')).toHaveLength(200);
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition("Kế hoạch đuối nước (1)'.pdf")).toBe(
      `attachment; filename="Ke-hoach-duoi-nuoc-1-.pdf"; filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%20%C4%91u%E1%BB%91i%20n%C6%B0%E1%BB%9Bc%20%281%29%27.pdf`,
    );
  });
});

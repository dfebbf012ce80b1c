import { describe, expect, it } from 'vitest';
import { DOCX, JPEG, PDF, PNG, sniffFileType, WEBP, zipEntries } from './sniff';
import {
  DOCM_MAIN,
  exeBytes,
  htmlBytes,
  minimalPdf,
  realDocx,
  realXlsx,
  wordPackage,
  zipOf,
} from './test-files';

describe('sniffFileType', () => {
  it('recognises a real PDF and a real DOCX by their content', async () => {
    expect(sniffFileType(minimalPdf())).toBe(PDF);
    expect(sniffFileType(Buffer.from('%PDF-2.0\n%%EOF\n'))).toBe(PDF);
    const docx = await realDocx();
    expect(sniffFileType(docx)).toBe(DOCX);
    expect(sniffFileType(new Uint8Array(docx))).toBe(DOCX);
    expect(sniffFileType(wordPackage())).toBe(DOCX);
  });

  it('is strict about the PDF header: at offset 0, version 1.x or 2.x', () => {
    expect(sniffFileType(Buffer.concat([htmlBytes, minimalPdf()]))).toBe('unknown');
    expect(sniffFileType(Buffer.concat([Buffer.from('\n'), minimalPdf()]))).toBe('unknown');
    expect(sniffFileType(Buffer.from('%PDF-9.9 not really'))).toBe('unknown');
    expect(sniffFileType(Buffer.from('%PDF-'))).toBe('unknown');
  });

  it('refuses spreadsheets, macros, executables, HTML, SVG, text and empty files', async () => {
    expect(sniffFileType(await realXlsx())).toBe('unknown');
    expect(sniffFileType(wordPackage(DOCM_MAIN))).toBe('unknown');
    expect(sniffFileType(wordPackage(undefined, { 'word/vbaProject.bin': 'macro' }))).toBe('unknown');
    expect(sniffFileType(exeBytes)).toBe('unknown');
    expect(sniffFileType(htmlBytes)).toBe('unknown');
    expect(sniffFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'))).toBe(
      'unknown',
    );
    expect(sniffFileType(Buffer.from('Kế hoạch số 12/KH-UBND', 'utf8'))).toBe('unknown');
    expect(sniffFileType(Buffer.alloc(0))).toBe('unknown');
  });

  it('refuses a ZIP without word/document.xml or without the Word content type', () => {
    expect(sniffFileType(zipOf({ '[Content_Types].xml': '<Types/>', 'readme.txt': 'x' }))).toBe('unknown');
    expect(sniffFileType(zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' }))).toBe(
      'unknown',
    );
    expect(sniffFileType(zipOf({ 'word/document.xml': '<w/>' }))).toBe('unknown');
  });

  it('never throws on truncated or garbled archives', async () => {
    const docx = await realDocx();
    for (const length of [0, 1, 4, 30, 100, docx.length / 2, docx.length - 1]) {
      expect(sniffFileType(docx.subarray(0, Math.floor(length)))).toBe('unknown');
    }
    // Random bytes after a local header signature, and a forged end record pointing past the file.
    const forged = Buffer.alloc(200, 0xab);
    forged.writeUInt32LE(0x04034b50, 0);
    forged.writeUInt32LE(0x06054b50, 200 - 22);
    forged.writeUInt16LE(0, 200 - 2);
    expect(sniffFileType(forged)).toBe('unknown');
    for (let seed = 1; seed < 200; seed++) {
      const garbled = Buffer.from(docx);
      for (let i = 0; i < 20; i++) garbled[(seed * 7919 * (i + 1)) % garbled.length] = (seed * i) & 0xff;
      expect(() => sniffFileType(garbled)).not.toThrow();
    }
  });

  it('lists the entries of a well-formed archive', () => {
    const names = zipEntries(wordPackage())?.map((e) => e.name);
    expect(names).toEqual(['[Content_Types].xml', 'word/document.xml']);
    expect(zipEntries(Buffer.concat([exeBytes, wordPackage()]))).toBeUndefined();
  });
});

describe('photos (inspection evidence)', () => {
  /** A real 1×1 PNG. */
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  const jpeg = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0'),
    Buffer.alloc(20),
  ]);
  const webp = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([26, 0, 0, 0]),
    Buffer.from('WEBPVP8L'),
    Buffer.alloc(18),
  ]);

  it('recognises JPEG, PNG and WebP by their content', () => {
    expect(sniffFileType(png)).toBe(PNG);
    expect(sniffFileType(jpeg)).toBe(JPEG);
    expect(sniffFileType(webp)).toBe(WEBP);
    expect(sniffFileType(new Uint8Array(png))).toBe(PNG);
  });

  it('refuses look-alikes: HTML, a PNG signature without IHDR, other RIFF files, truncated headers', () => {
    expect(sniffFileType(Buffer.concat([htmlBytes, png]))).toBe('unknown');
    const noIhdr = Buffer.from(png);
    noIhdr.write('IDAT', 12, 'latin1');
    expect(sniffFileType(noIhdr)).toBe('unknown');
    expect(sniffFileType(png.subarray(0, 20))).toBe('unknown');
    const wave = Buffer.from(webp);
    wave.write('WAVE', 8, 'latin1');
    expect(sniffFileType(wave)).toBe('unknown');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff]))).toBe('unknown');
    expect(sniffFileType(Buffer.from([0xff, 0xd8, 0xff, 0xff, 0xff]))).toBe('unknown');
    expect(sniffFileType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe('unknown');
  });

  it('keeps PDF and DOCX as they were', async () => {
    expect(sniffFileType(minimalPdf())).toBe(PDF);
    expect(sniffFileType(await realDocx())).toBe(DOCX);
  });
});

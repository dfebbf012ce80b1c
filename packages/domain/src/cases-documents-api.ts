import { z } from 'zod';

/**
 * The HTTP contract of the case documents (`/api/v1/cases/{id}/documents`): the forms 01–07 of
 * the Decree 56/2017 appendix, filled from the case and answered as Word (or PDF when the
 * server can convert).
 */

/** The number of a form of the Decree 56/2017 appendix that the server fills from a case. */
export const CaseDocumentForm = z
  .enum(['01', '02', '03', '04', '05', '06', '07'])
  .meta({ id: 'CaseDocumentForm' });
export type CaseDocumentForm = z.infer<typeof CaseDocumentForm>;

export const CaseDocumentFormat = z.enum(['docx', 'pdf']).meta({ id: 'CaseDocumentFormat' });
export type CaseDocumentFormat = z.infer<typeof CaseDocumentFormat>;

/** `GET /api/v1/cases/{id}/documents/{form}?format=docx|pdf`. */
export const CaseDocumentQuery = z.object({ format: CaseDocumentFormat.default('docx') });
export type CaseDocumentQuery = z.infer<typeof CaseDocumentQuery>;

/** One form and whether the case has reached its step (the download answers 409 otherwise). */
export const CaseDocumentInfo = z
  .object({
    form: CaseDocumentForm,
    nameVi: z.string(),
    nameEn: z.string(),
    isReady: z.boolean(),
    legalRef: z.string(),
    verified: z.boolean().describe('false when the form name is not confirmed against the legal text'),
  })
  .meta({ id: 'CaseDocumentInfo' });
export type CaseDocumentInfo = z.infer<typeof CaseDocumentInfo>;

/** `GET /api/v1/cases/{id}/documents`. */
export const CaseDocumentList = z
  .object({
    items: z.array(CaseDocumentInfo),
    canDownload: z.boolean().describe('the caller may read the content of the case (needed to download)'),
    pdfAvailable: z.boolean().describe('the server can convert to PDF (LibreOffice installed)'),
  })
  .meta({ id: 'CaseDocumentList' });
export type CaseDocumentList = z.infer<typeof CaseDocumentList>;

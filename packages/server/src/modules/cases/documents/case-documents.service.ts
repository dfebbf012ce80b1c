import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  CaseAction,
  type CaseDocumentForm,
  type CaseDocumentFormat,
  CaseDocumentForm as CaseDocumentForms,
  type CaseDocumentList,
  replayCase,
} from '@tuoitho/domain';
import { writeAuditInTx } from '../../../platform/audit/audit';
import type { AppContext } from '../../../platform/context';
import { AppError, forbidden, notFound } from '../../../platform/http/errors';
import type { Actor, RequestMeta } from '../../../platform/http/route';
import { canReadCaseContent } from '../cases.policy';
import { CasesRepo } from '../cases.repo';
import { CasesService, loadCaseCalendar } from '../cases.service';
import { CaseDocumentsRepo } from './case-documents.repo';
import { buildCaseDocument, CaseFormNotReadyError, caseFormInfo, isCaseFormReady } from './case-forms';
import { renderCaseDocx } from './docx-render';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PDF_TYPE = 'application/pdf';
/** LibreOffice may need a while on its first start (profile creation). */
const PDF_TIMEOUT_MS = 90_000;

export type CaseDocumentFile = { body: Buffer; contentType: string; fileName: string };

let sofficeOnPath: string | null | undefined;

/** The LibreOffice executable on PATH (`soffice` or `libreoffice`), looked up once. */
function findSoffice(): string | null {
  if (sofficeOnPath !== undefined) return sofficeOnPath;
  sofficeOnPath = null;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        sofficeOnPath = candidate;
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Whether the server can convert documents to PDF (LibreOffice installed). */
export function isPdfAvailable(): boolean {
  return findSoffice() !== null;
}

/** Converts a .docx to PDF with LibreOffice in a private temporary folder, removed afterwards. */
async function convertToPdf(docx: Buffer): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError(501, 'pdf_unavailable');
  // mkdtemp creates the folder with mode 0700: the case content never sits where others can read it.
  const dir = await mkdtemp(path.join(tmpdir(), 'tuoitho-doc-'));
  try {
    const input = path.join(dir, 'form.docx');
    await writeFile(input, docx, { mode: 0o600 });
    await promisify(execFile)(
      soffice,
      [
        '--headless',
        '--norestore',
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { timeout: PDF_TIMEOUT_MS, killSignal: 'SIGKILL' },
    );
    return await readFile(path.join(dir, 'form.pdf'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The forms 01–07 of Decree 56/2017 filled from a case, as Word or PDF. */
export class CaseDocumentsService {
  private readonly cases: CasesService;
  private readonly casesRepo: CasesRepo;
  private readonly repo: CaseDocumentsRepo;

  constructor(private readonly ctx: AppContext) {
    this.cases = new CasesService(ctx);
    this.casesRepo = new CasesRepo(ctx.db);
    this.repo = new CaseDocumentsRepo(ctx.db);
  }

  /** The forms and whether the case has reached each; outside the scope 404. Reads no narrative. */
  async listForms(actor: Actor, caseId: string): Promise<CaseDocumentList> {
    const row = await this.casesRepo.findInScope(this.ctx.db, actor, caseId);
    if (!row) throw notFound();
    const isMember = await this.casesRepo.isMember(this.ctx.db, caseId, actor.userId);
    const actions = await this.readActions(caseId);
    const state = replayCase(actions, await loadCaseCalendar(this.ctx.db, row.received_at));
    return {
      items: CaseDocumentForms.options.map((form) => {
        const info = caseFormInfo(form);
        return {
          form,
          nameVi: info.nameVi,
          nameEn: info.nameEn,
          isReady: isCaseFormReady(form, state, actions),
          legalRef: info.legalRef,
          verified: info.verified,
        };
      }),
      canDownload: canReadCaseContent(actor, row, isMember),
      pdfAvailable: isPdfAvailable(),
    };
  }

  /**
   * One form of a case as a file: 404 outside the scope, 403 without the right to read the
   * content, 409 before the case reached the form's step, 501 for PDF without LibreOffice.
   */
  async renderForm(
    actor: Actor,
    caseId: string,
    form: CaseDocumentForm,
    format: CaseDocumentFormat,
    meta: RequestMeta,
  ): Promise<CaseDocumentFile> {
    const kase = await this.cases.getCase(actor, caseId, meta);
    if (!kase.canReadContent) throw forbidden();
    const parties = await this.repo.findCaseParties(caseId);
    if (!parties) throw notFound();
    const actions = await this.readActions(caseId);
    const state = replayCase(actions, await loadCaseCalendar(this.ctx.db, new Date(kase.receivedAt)));
    const userIds = [...new Set(actions.map((action) => action.by.userId))];
    let model: ReturnType<typeof buildCaseDocument>;
    try {
      model = buildCaseDocument({
        form,
        caseNumber: kase.number,
        unit: {
          fullName: parties.unit_full_name,
          provinceName: parties.province_name ?? '',
          superiorFullName: parties.parent_full_name ?? parties.province_name ?? '',
        },
        child: {
          fullName: parties.child_name,
          dateOfBirth: parties.child_date_of_birth,
          sex: parties.child_sex,
          address:
            parties.child_address ??
            (parties.child_village ? `${parties.child_village}, ${parties.unit_full_name}` : null),
        },
        state,
        actions,
        summary: kase.summary ?? '',
        reporter: kase.reporter,
        userNames: await this.repo.userNames(userIds),
        issuedAt: new Date(),
      });
    } catch (error) {
      if (error instanceof CaseFormNotReadyError) {
        throw new AppError(409, 'case_form_not_ready', { form, reason: error.reason[meta.lang] });
      }
      throw error;
    }
    if (format === 'pdf' && !isPdfAvailable()) throw new AppError(501, 'pdf_unavailable');
    const docx = await renderCaseDocx(model);
    const body = format === 'pdf' ? await convertToPdf(docx) : docx;
    // The audit row names the form and the format, never the content.
    await this.ctx.db.transaction().execute(async (tx) =>
      writeAuditInTx(
        tx,
        { actor, meta },
        {
          action: 'case.document',
          entityType: 'child_case',
          entityId: caseId,
          unitId: parties.unit_id,
          details: { form, format },
        },
      ),
    );
    return {
      body,
      contentType: format === 'pdf' ? PDF_TYPE : DOCX_TYPE,
      fileName: `${model.fileName}.${format}`,
    };
  }

  private async readActions(caseId: string): Promise<CaseAction[]> {
    const rows = await this.casesRepo.listActions(this.ctx.db, caseId);
    return rows.map((row) => CaseAction.parse(JSON.parse(this.ctx.secrets.decrypt(row.payload_encrypted))));
  }
}

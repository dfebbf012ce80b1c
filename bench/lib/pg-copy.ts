// `COPY … FROM STDIN` over a node-postgres client, without pg-copy-streams (not a dependency of
// the project): a minimal "submittable" that node-postgres drives like a query. The caller hands it
// chunks of COPY text; the promise resolves with the row count the server reports.
import type pg from 'pg';

type CopyConnection = {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
};

/** Chunks of COPY text (UTF-8 strings or buffers), each holding whole rows. */
export type CopySource = Iterable<string | Buffer> | AsyncIterable<string | Buffer>;

class CopyFromStdin {
  private rowCount = 0;
  private failure: Error | undefined;
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };

  constructor(
    private readonly text: string,
    private readonly source: CopySource,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: CopyConnection) {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection) {
    void this.pump(connection);
  }

  private async pump(connection: CopyConnection) {
    try {
      for await (const chunk of this.source) {
        if (this.failure) return;
        connection.sendCopyFromChunk(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
        if (connection.stream.writableNeedDrain) {
          await new Promise((resolve) => connection.stream.once('drain', resolve));
        }
      }
      connection.endCopyFrom();
    } catch (error) {
      connection.sendCopyFail(error instanceof Error ? error.message : String(error));
    }
  }

  handleCommandComplete(msg: { text?: string }) {
    const match = /^COPY (\d+)/.exec(msg.text ?? '');
    if (match) this.rowCount = Number(match[1]);
  }

  handleReadyForQuery() {
    if (this.failure) this.settle.reject(this.failure);
    else this.settle.resolve(this.rowCount);
  }

  handleError(error: Error) {
    this.failure = error;
    // node-postgres forgets the active query on an error; ReadyForQuery may never reach us.
    this.settle.reject(error);
  }

  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** Runs `COPY table (columns) FROM STDIN` with the given text-format rows; returns the row count. */
export async function copyFrom(client: pg.ClientBase, statement: string, source: CopySource) {
  const copy = new CopyFromStdin(statement, source);
  (client as unknown as { query(submittable: unknown): void }).query(copy);
  return copy.done;
}

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** A jsonb column value (null stays SQL NULL). */
export const copyJson = (value: unknown) =>
  copyValue(value === null || value === undefined ? null : JSON.stringify(value));

/** A text[] column value of simple codes (letters, digits, underscore). */
export const copyTextArray = (values: readonly string[]) => `{${values.join(',')}}`;

/** One row of COPY text from its already formatted values. */
export const copyRow = (values: readonly string[]) => `${values.join('\t')}\n`;

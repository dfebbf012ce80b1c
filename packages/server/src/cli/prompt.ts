import { CliError, ExitCode } from './io';

type TtyInput = NodeJS.ReadStream & { isTTY?: boolean };

/**
 * Asks a question on a terminal and reads the answer without echoing it (for passwords).
 * Backspace deletes, Enter ends, Ctrl-C cancels.
 */
export function promptHidden(
  question: string,
  input: TtyInput = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  output.write(question);
  const wasRaw = input.isRaw;
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const finish = (error?: CliError) => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(chars.join(''));
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CliError('Đã hủy.', ExitCode.Cancelled));
        if (ch === '\u007f' || ch === '\b') chars = chars.slice(0, -1);
        else if (ch >= ' ') chars.push(ch);
      }
    };
    input.on('data', onData);
  });
}

/** Asks a question on a terminal and reads a visible one-line answer. */
export function promptLine(
  question: string,
  input: TtyInput = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  output.write(question);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let text = '';
    const onData = (chunk: string) => {
      text += chunk;
      const nl = text.indexOf('\n');
      if (nl === -1) return;
      input.off('data', onData);
      input.pause();
      resolve(text.slice(0, nl).trim());
    };
    input.on('data', onData);
  });
}

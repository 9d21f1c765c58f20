/**
 * SMTP replies as they come off the wire (RFC 5321 §4.2): one or more lines `NNN-text`, the
 * last one `NNN text` or just `NNN`. The reader is fed raw chunks and hands back complete
 * replies; anything that is not a reply line is reported as such rather than guessed at.
 */

export interface SmtpReply {
  code: number;
  /** The text of each line after the code and separator, control characters removed. */
  lines: string[];
}

export type ReadResult = { kind: 'reply'; reply: SmtpReply } | { kind: 'garbled'; line: string } | { kind: 'incomplete' };

/** More than this without a complete reply is not an SMTP server talking. */
const MAX_REPLY_BYTES = 64 * 1024;

export class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private code: number | undefined;

  /** Feed a chunk; returns the first complete reply (text after it stays buffered) or why there is none. */
  push(chunk: string): ReadResult {
    this.buffer += chunk;
    return this.next();
  }

  /** The next complete reply from what is already buffered. */
  next(): ReadResult {
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl < 0) {
        if (this.buffer.length > MAX_REPLY_BYTES) return { kind: 'garbled', line: clean(this.buffer.slice(0, 200)) };
        return { kind: 'incomplete' };
      }
      // RFC 5321 says CRLF; a bare LF is accepted, as every real client does.
      const line = this.buffer.slice(0, nl).replace(/\r$/, '');
      this.buffer = this.buffer.slice(nl + 1);
      const m = /^(\d{3})([ -]|$)(.*)$/.exec(line);
      if (!m) return { kind: 'garbled', line: clean(line) };
      const code = Number(m[1]);
      if (this.code !== undefined && code !== this.code) return { kind: 'garbled', line: clean(line) };
      this.code = code;
      this.lines.push(clean(m[3]));
      if (m[2] !== '-') {
        const reply = { code, lines: this.lines };
        this.code = undefined;
        this.lines = [];
        return { kind: 'reply', reply };
      }
      if (this.lines.length > 1000) return { kind: 'garbled', line: clean(line) };
    }
  }
}

/** Printable text only, and not too much of it: replies end up in messages and reports. */
export function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  const t = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  return t.length > 200 ? t.slice(0, 200) + '…' : t;
}

/** A reply as one line, for messages: `220 mx.example.com ESMTP`. */
export function replyText(reply: SmtpReply): string {
  const first = reply.lines[0] ?? '';
  return first ? `${reply.code} ${first}` : String(reply.code);
}

/** Whether an EHLO reply lists the STARTTLS extension (RFC 3207 §4); the first line is the greeting. */
export function offersStartTls(ehlo: SmtpReply): boolean {
  return ehlo.code === 250 && ehlo.lines.slice(1).some((l) => l.split(/\s+/)[0].toUpperCase() === 'STARTTLS');
}

// A real SMTP server on a random local port, for the delivery suites: it keeps every message it
// accepted (raw and parsed), and can refuse, or hold, the next ones on request.
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail { raw: string; mail: ParsedMail; rcptTo: string[]; at: number }

type Verdict = { code: number; message: string } | 'accept';

export interface TestSmtp {
  url: string;
  /** Messages answered 250, in order. */
  received: ReceivedMail[];
  /** Every DATA attempt, accepted or not, with the time it arrived. */
  attempts: { messageId: string; at: number; verdict: number }[];
  /** Answers the next n messages with this SMTP code (451: try again later; 550: refused for good). */
  refuseNext(n: number, code: number, message?: string): void;
  /** Called with each complete message before it is answered; it decides the answer (default: accept). */
  decide?: (raw: string, mail: ParsedMail) => Promise<Verdict> | Verdict;
  /** Called right after a message was answered 250. */
  afterAccept?: (m: ReceivedMail) => void;
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

async function readAll(stream: SMTPServerDataStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startSmtp(): Promise<TestSmtp> {
  const refusals: { code: number; message: string }[] = [];
  const smtp: TestSmtp = {
    url: '',
    received: [],
    attempts: [],
    refuseNext(n, code, message = code >= 500 ? '5.1.1 mailbox unavailable' : '4.3.0 try again later') {
      for (let i = 0; i < n; i++) refusals.push({ code, message });
    },
    async waitFor(n, timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (smtp.received.length < n) {
        if (Date.now() > until) throw new Error(`SMTP: ${smtp.received.length} of ${n} messages after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return smtp.received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      void (async () => {
        const raw = await readAll(stream);
        const mail = await simpleParser(raw);
        const verdict: Verdict = refusals.shift() ?? (smtp.decide ? await smtp.decide(raw, mail) : 'accept');
        smtp.attempts.push({ messageId: mail.messageId ?? '', at: Date.now(), verdict: verdict === 'accept' ? 250 : verdict.code });
        if (verdict !== 'accept') {
          return callback(Object.assign(new Error(verdict.message), { responseCode: verdict.code }));
        }
        const m = { raw, mail, rcptTo: session.envelope.rcptTo.map((r) => r.address), at: Date.now() };
        smtp.received.push(m);
        callback();
        smtp.afterAccept?.(m);
      })().catch((err) => callback(err));
    },
  });
  // A sender killed mid-conversation (the crash suite does it on purpose) resets its connection;
  // that is the sender's failure to recover from, not this server's, so it must not crash the run.
  server.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') console.warn('test SMTP server:', err);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtp.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return smtp;
}

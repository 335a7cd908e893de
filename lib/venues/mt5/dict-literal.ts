/**
 * Reads the Python-style dict literals the DWX EA replies with (see ../shared/ref/mt5-zeromq.md), never with eval.
 *
 * What comes out:
 * - dicts become plain objects; bare integer keys (tickets) become their decimal strings; duplicate keys: last wins;
 * - integers become numbers, or bigint when they have more than 15 digits (a 64-bit ticket must not lose a digit);
 * - every other number (decimals, exponents) stays the exact text the EA sent, e.g. "1.11640000";
 * - True/False/None become true/false/null; lists become arrays; trailing commas and one or more extra closing
 *   braces at the very end are accepted.
 *
 * The EA does not escape quotes inside strings, so a quote only ends a string when what follows can continue the
 * literal: the end of input, `}`, `]` or `:`, or a `,` followed by something a value or key can start with. An
 * apostrophe inside a value therefore survives (`'it's'`, `'can't, sorry'`) unless it is itself followed by such a
 * sequence (`'a', 'b'` inside one string cannot be told apart from two strings).
 */

export class Mt5ParseError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = "Mt5ParseError";
  }
}

export function parseDictLiteral(text: string): unknown {
  const reader = new LiteralReader(text);
  const value = reader.value();
  reader.end();
  return value;
}

const INTEGER = /^-?\d+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const NUMBER_CHARS = /[-+.\deE]/;
const MAX_EXACT_INTEGER_DIGITS = 15;
const WORDS: Record<string, boolean | null> = { True: true, False: false, None: null };

class LiteralReader {
  private pos = 0;

  constructor(private readonly text: string) {}

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.dict();
    if (c === "[") return this.list();
    if (c === "'" || c === '"') return this.string();
    if (c !== undefined && /[-\d.]/.test(c)) return numberValue(this.numberText());
    return this.word();
  }

  /** After the top-level value: only spaces, and the extra closing braces one EA mode appends. */
  end(): void {
    this.skipSpace();
    while (this.text[this.pos] === "}") {
      this.pos++;
      this.skipSpace();
    }
    if (this.pos < this.text.length) this.fail("unexpected text after the literal");
  }

  private dict(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.take("}")) return result;
      const key = this.key();
      this.skipSpace();
      if (!this.take(":")) this.fail("expected ':'");
      setKey(result, key, this.value());
      this.skipSpace();
      if (this.take("}")) return result;
      if (!this.take(",")) this.fail("expected ',' or '}'");
    }
  }

  private list(): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.take("]")) return result;
      result.push(this.value());
      this.skipSpace();
      if (this.take("]")) return result;
      if (!this.take(",")) this.fail("expected ',' or ']'");
    }
  }

  private key(): string {
    const c = this.text[this.pos];
    if (c === "'" || c === '"') return this.string();
    const start = this.pos;
    const number = this.numberText();
    if (!INTEGER.test(number)) this.fail("expected a string or integer key", start);
    return BigInt(number).toString();
  }

  private string(): string {
    const quote = this.text[this.pos];
    const start = this.pos;
    const first = this.text.indexOf(quote, start + 1);
    if (first === -1) this.fail("unterminated string", start);
    let close = first;
    while (close !== -1 && !this.endsString(close + 1)) close = this.text.indexOf(quote, close + 1);
    // No quote can end the literal: the first one does, and the error shows where the text stops making sense.
    if (close === -1) close = first;
    this.pos = close + 1;
    return this.text.slice(start + 1, close);
  }

  /** Whether a quote just before `from` can be the end of the string (see the file comment). */
  private endsString(from: number): boolean {
    const next = this.nextNonSpace(from);
    const c = this.text[next];
    if (c === undefined || c === "}" || c === "]" || c === ":") return true;
    return c === "," && this.startsToken(this.nextNonSpace(next + 1));
  }

  private startsToken(at: number): boolean {
    const c = this.text[at];
    if (c === undefined) return false;
    if ("'\"{[}]-.".includes(c) || (c >= "0" && c <= "9")) return true;
    return Object.keys(WORDS).some((word) => this.text.startsWith(word, at) && !/\w/.test(this.text[at + word.length] ?? ""));
  }

  private numberText(): string {
    const start = this.pos;
    while (this.pos < this.text.length && NUMBER_CHARS.test(this.text[this.pos])) this.pos++;
    const number = this.text.slice(start, this.pos);
    if (!NUMBER.test(number)) this.fail("malformed number", start);
    return number;
  }

  private word(): boolean | null {
    for (const [word, value] of Object.entries(WORDS)) {
      if (this.text.startsWith(word, this.pos) && !/\w/.test(this.text[this.pos + word.length] ?? "")) {
        this.pos += word.length;
        return value;
      }
    }
    return this.fail(this.pos < this.text.length ? "unexpected character" : "unexpected end of input");
  }

  private take(c: string): boolean {
    if (this.text[this.pos] !== c) return false;
    this.pos++;
    return true;
  }

  private skipSpace(): void {
    this.pos = this.nextNonSpace(this.pos);
  }

  private nextNonSpace(from: number): number {
    let at = from;
    while (at < this.text.length && /\s/.test(this.text[at])) at++;
    return at;
  }

  private fail(message: string, position = this.pos): never {
    throw new Mt5ParseError(message, position);
  }
}

function numberValue(text: string): number | bigint | string {
  if (!INTEGER.test(text)) return text;
  const digits = text.replace("-", "").length;
  return digits > MAX_EXACT_INTEGER_DIGITS ? BigInt(text) : Number(text);
}

function setKey(target: Record<string, unknown>, key: string, value: unknown): void {
  // A key named __proto__ must stay data, not replace the object's prototype.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

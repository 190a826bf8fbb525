/**
 * Secrets must not leave the box: command lines, environment values and captured text pass
 * through here before they are written. Redaction keeps the key (so a reader still sees that a
 * password was given) and replaces the value with REDACTED.
 */
export const REDACTED = '<redacted>';

/** Names whose value is a secret: password=..., --token ..., API_KEY=... */
const SECRET_NAME = String.raw`(?:[A-Za-z0-9_.-]*?(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|credentials?|auth(?:orization)?|session[_-]?id|cookie|signature|sas))`;

/** `name=value` / `name: value` (value up to whitespace, quote, comma, ampersand or semicolon). */
const NAME_VALUE = new RegExp(String.raw`(\b${SECRET_NAME}["']?\s*[=:]\s*["']?)(?!${REDACTED}|(?:Bearer|Basic|Token|Digest)\s)([^\s"',;&]+)`, 'gi');
/** `--token VALUE` inside a printed command line (ps output, logs). */
const FLAG_VALUE = new RegExp(String.raw`((?:^|\s)--?${SECRET_NAME}\s+)(?!-|${REDACTED})([^\s"']+)`, 'gi');
/** A flag naming a secret whose value is the next argument. */
const SECRET_FLAG = new RegExp(String.raw`^--?${SECRET_NAME}$`, 'i');
/** The `-p` value glued to the flag, as mysql and friends take it (-pSECRET). */
const MYSQL_P = /^-p(.+)$/;
/** scheme://user:password@host */
const URL_USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)(@)/gi;
/** Authorization headers and bearer tokens. */
const BEARER = /\b(Bearer|Basic|Token|Digest)(\s+)([A-Za-z0-9._~+/=-]{8,})/g;
/** AWS access key ids. */
const AWS_KEY_ID = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/g;
/** JSON Web Tokens (three base64url parts, header starting '{"'). */
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
/** PEM private key blocks, across lines. */
const PEM_KEY = /-----BEGIN ([A-Z ]*)PRIVATE KEY-----[\s\S]*?(?:-----END \1PRIVATE KEY-----|$)/g;

/** Redacts secrets in free text (log lines, command output, one argument). */
export function redactText(text: string): string {
  // cheap exits: most captured lines carry none of these markers
  if (!/[=:@-]|Bearer|Basic|Token|Digest|AKIA|ASIA|eyJ|PRIVATE KEY/i.test(text)) return text;
  return text
    .replace(PEM_KEY, `-----BEGIN $1PRIVATE KEY----- ${REDACTED} -----END $1PRIVATE KEY-----`)
    .replace(URL_USERINFO, `$1${REDACTED}$3`)
    .replace(BEARER, `$1$2${REDACTED}`)
    .replace(AWS_KEY_ID, `$1${REDACTED}`)
    .replace(JWT, REDACTED)
    .replace(NAME_VALUE, `$1${REDACTED}`)
    .replace(FLAG_VALUE, `$1${REDACTED}`);
}

/**
 * Redacts a command line given as its arguments: each argument as text, and the argument after
 * a flag that names a secret (`--token abc`, `--password abc`, `-p abc` is left alone: too common).
 */
export function redactArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  let hideNext = false;
  for (const arg of args) {
    if (hideNext) {
      out.push(REDACTED);
      hideNext = false;
      continue;
    }
    if (MYSQL_P.test(arg) && out.length > 0 && /(?:^|\/)mysql[a-z]*$/.test(out[0]!)) {
      out.push(`-p${REDACTED}`);
      continue;
    }
    if (SECRET_FLAG.test(arg)) {
      out.push(arg);
      hideNext = true;
      continue;
    }
    out.push(redactText(arg));
  }
  return out;
}

/** Redacts one environment entry NAME=value: the whole value when the name looks secret. */
export function redactEnvEntry(entry: string): string {
  const eq = entry.indexOf('=');
  if (eq <= 0) return redactText(entry);
  const name = entry.slice(0, eq);
  if (new RegExp(`^${SECRET_NAME}$`, 'i').test(name)) return `${name}=${REDACTED}`;
  return `${name}=${redactText(entry.slice(eq + 1))}`;
}

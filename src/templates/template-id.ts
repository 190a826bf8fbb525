/**
 * Printed template ids: 8 hex digits of FNV-1a over the template text, so the same template gets
 * the same id in every run (and across runs over different inputs). A collision, rare at 32 bits,
 * is settled by hashing again with a counter, in the order the templates were first seen.
 */
export function templateIdFor(template: string, taken: ReadonlySet<string>): string {
  let id = fnv1a(template);
  for (let salt = 2; taken.has(id); salt++) id = fnv1a(`${template}#${salt}`);
  return id;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

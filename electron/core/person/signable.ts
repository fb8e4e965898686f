/**
 * What the patient signs for a person request: the request exactly as eHealth returned it, with
 * `patient_signed` set to true and the two server timestamps left out (eHealth compares the rest).
 * Key order is kept as eHealth sent it, so the signed text is that object and nothing else.
 */
const SERVER_TIMESTAMPS = new Set(['inserted_at', 'updated_at']);

export function signableRequestJson(request: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(request)) {
    if (SERVER_TIMESTAMPS.has(k)) continue;
    out[k] = k === 'patient_signed' ? true : v;
  }
  if (!('patient_signed' in out)) out.patient_signed = true;
  return JSON.stringify(out);
}

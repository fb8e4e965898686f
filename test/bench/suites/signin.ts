/**
 * 3. E-signature: sign-in end to end — from the password to the person loaded, through the
 * kiosk's services as the renderer drives them (the key screen lists the keys and so starts a
 * signer process ahead; the patient types the password; sign-in opens the key in that signer, gets
 * a nonce, signs it with a content time-stamp, signs in, loads the person and the verification)
 * against the sandbox — versus the sum of the same steps done bare in this process: key open,
 * nonce, sign, sign-in, person (GET person + verification).
 */
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeSignerLauncher, openKeyContainer, signJson } from '../../../electron/core/esign';
import { httpTsa } from '../../../electron/core/esign/signer/worker';
import { tokenSetFrom } from '../../../electron/core/ehealth/tokens';
import { silentLogger } from '../../../electron/core/log';
import { createServices } from '../../../electron/core/services';
import { bundledWorkerEnv } from '../lib/bundles';
import { projectPath } from '../lib/child';
import { GROUPS, type BenchContext } from '../lib/context';
import { formatNumber } from '../lib/results';
import { median } from '../lib/stats';

const PERSONA = 'adult-with-declaration';
/** The patient types the password on the on-screen keyboard meanwhile. */
const TYPING_MS = 3_000;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

export async function benchSignIn(ctx: BenchContext): Promise<void> {
  const sb = ctx.sandbox;
  if (!sb) throw new Error('the sign-in benchmark needs the sandbox');
  const persona = sb.personas.find((p) => p.id === PERSONA);
  if (!persona) throw new Error(`the sandbox has no persona ${PERSONA}`);
  const runs = ctx.sizes.signIns;
  bundledWorkerEnv(); // builds dist-electron/, the signer's bundle with it
  const services = createServices({
    dataDir: join(ctx.tmp, 'signin-kiosk'),
    log: silentLogger(),
    version: 'bench',
    background: false,
    ehealth: {
      baseUrl: sb.baseUrl,
      apiKey: sb.apiKey,
      clientId: sb.clientId,
      clientSecret: sb.clientSecret,
      scope: sb.scope,
    },
    // the signer as shipped (its bundle); the key screen starts it ahead of the password
    patient: {
      keyFolder: dirname(dirname(persona.keyFile)),
      tsaUrl: sb.tsaUrl,
      trustList: sb.trustList,
      signerLauncher: nodeSignerLauncher({ entry: projectPath('dist-electron/signer.cjs') }),
    },
  });
  const api = services.ehealth;
  if (!api) throw new Error('no eHealth client');
  const endToEnd: number[] = [];
  const steps: string[] = [];
  const parts = {
    open: [] as number[],
    nonce: [] as number[],
    sign: [] as number[],
    signIn: [] as number[],
    person: [] as number[],
  };
  try {
    ctx.progress(
      `sign-in: ${runs} end to end through the services, and their parts bare (after one of each untimed)`,
    );
    // the first round warms both sides up (the kiosk's HTTP client and schemas, this process's signing code)
    for (let i = -1; i < runs; i++) {
      const timedRound = i >= 0;
      const keys = await services.keys.list(true);
      const key = keys.find((k) => k.folder === PERSONA);
      if (!key) throw new Error(`the key list does not offer ${PERSONA}`);
      await new Promise((r) => setTimeout(r, TYPING_MS));
      // where the time goes (the steps as the renderer sees them), for the report's note
      const marks: string[] = [];
      const t0 = performance.now();
      const off = services.events.on('signinProgress', ({ step }) =>
        marks.push(`${step} at ${(performance.now() - t0).toFixed(0)} ms`),
      );
      const [r, ms] = await timed(() =>
        services.signIn.start(key.id, new Uint8Array(Buffer.from(persona.password, 'utf8'))),
      );
      if (!r.ok) throw new Error(`sign-in: ${r.error.code} ${r.error.message}`);
      off();
      if (timedRound) {
        endToEnd.push(ms);
        steps.push(`${marks.join(', ')}, done at ${ms.toFixed(0)} ms`);
      }
      await services.session.end('finish');

      // the same steps, bare, in this process
      const [opened, openMs] = await timed(() =>
        openKeyContainer(
          new Uint8Array(readFileSync(persona.keyFile)),
          new Uint8Array(Buffer.from(persona.password, 'utf8')),
          { certificates: [new Uint8Array(readFileSync(persona.certificateFile))] },
        ),
      );
      if (!opened.ok) throw new Error(`open: ${opened.error.message}`);
      const [nonce, nonceMs] = await timed(() => api.auth.nonce());
      if (!nonce.ok) throw new Error(`nonce: ${nonce.error.message}`);
      const [signed, signMs] = await timed(() =>
        signJson(opened.value, JSON.stringify({ jwt: nonce.value.data.token }), { tsa: httpTsa(sb.tsaUrl) }),
      );
      if (!signed.ok) throw new Error(`sign: ${signed.error.message}`);
      opened.value.close();
      const [token, signInMs] = await timed(() => api.auth.signIn(signed.value.signedContent));
      if (!token.ok) throw new Error(`sign-in: ${token.error.message}`);
      const holder = api.patientTokens(tokenSetFrom(token.value.data));
      const [, personMs] = await timed(async () => {
        const p = await api.person.get(holder);
        if (!p.ok) throw new Error(`person: ${p.error.message}`);
        const v = await api.person.verification(holder);
        if (!v.ok) throw new Error(`verification: ${v.error.message}`);
      });
      await api.auth.logout(holder.current().accessToken ?? '');
      if (!timedRound) continue;
      parts.open.push(openMs);
      parts.nonce.push(nonceMs);
      parts.sign.push(signMs);
      parts.signIn.push(signInMs);
      parts.person.push(personMs);
    }
  } finally {
    await services.close();
  }
  const sum = Object.values(parts).reduce((n, xs) => n + median(xs), 0);
  const each = Object.entries(parts)
    .map(([k, xs]) => `${k} ${formatNumber(median(xs))} ms`)
    .join(', ');
  ctx.add({
    group: GROUPS.esign,
    name: 'sign-in, password → person loaded, end to end through the services',
    value: median(endToEnd),
    unit: 'ms',
    detail: `median of ${runs} after one untimed; ${PERSONA} (Key-6.dat, 257-bit) against the sandbox; the signer process was started when the key list was shown, ${TYPING_MS / 1000} s before the password`,
    baseline: { name: 'the sum of its parts done bare in one process', value: sum, detail: each },
    better: 'lower',
    target: { text: '≤ 1.2× its parts', maxRatio: 1.2 },
  });
  ctx.note(
    GROUPS.esign,
    `Sign-in end to end, step by step: ${steps.map((s, i) => `run ${i + 1}: ${s}`).join('; ')}.`,
  );
}

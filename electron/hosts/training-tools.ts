/**
 * What the browser host prints under its ready line when it runs the training sandbox: where the
 * sandbox is and the tools a trainer uses — the SMS inbox (the codes eHealth "sends"), faults
 * (make eHealth slow, failing or unreachable), the personas with their key passwords, the sandbox
 * clock. Plain lines for a person at the terminal; the ready line above them stays as it is.
 */
export function trainingToolLines(baseUrl: string): string[] {
  const at = (path: string) => `${baseUrl}${path}`;
  return [
    `Training sandbox (eHealth simulator): ${baseUrl}`,
    `  personas and key passwords: ${at('/sandbox/personas')}`,
    `  SMS inbox:                  ${at('/sandbox/sms?phone=%2B380…')}  (the codes sent to a phone)`,
    `  faults:                     ${at('/sandbox/faults')}  (GET shows them; PATCH {"outage":true} or {"latencyMs":3000}; DELETE resets)`,
    `  clock:                      ${at('/sandbox/clock')}  (POST {"advance_seconds":N} moves it on)`,
    `  health:                     ${at('/sandbox/health')}`,
  ];
}

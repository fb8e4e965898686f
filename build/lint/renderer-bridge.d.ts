/** Why an import of the renderer's api module or the stores' bridge is refused, or null. */
export function rendererBridgeViolation(from: string, target: string): string | null;

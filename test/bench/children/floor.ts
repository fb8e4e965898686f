/**
 * The floor of every bench child: Node with the tsx loader, importing nothing of the kiosk. Prints
 * one JSON line with its peak RSS and exits — the baseline for process start and for memory.
 */
process.stdout.write(`${JSON.stringify({ peakRssKiB: process.resourceUsage().maxRSS })}\n`);

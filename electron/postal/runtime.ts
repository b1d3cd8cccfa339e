// Per-host state of the postal desk between calls: scans and CSV files being uploaded in chunks.
// Keyed by the host's configuration object, which lives as long as the host (one per process in
// the app, one per test host in the integration tests).
import { formatInstant } from '../../core/index.js';
import type { Caller } from '../api/dispatch.js';
import type { HostContext } from '../api/host-context.js';
import { CsvImports } from './csv-import.js';
import type { PostalCall } from './load.js';
import { ScanUploads } from './scans.js';

export interface PostalRuntime {
  scans: ScanUploads;
  imports: CsvImports;
}

const runtimes = new WeakMap<object, PostalRuntime>();

export function postalRuntime(ctx: HostContext): PostalRuntime {
  let r = runtimes.get(ctx.config);
  if (!r) {
    r = { scans: new ScanUploads(), imports: new CsvImports() };
    runtimes.set(ctx.config, r);
  }
  return r;
}

/** "Now" from the host's clock and the caller's language and id. */
export function postalCall(ctx: HostContext, caller: Caller): PostalCall {
  const call: PostalCall = { now: formatInstant(ctx.clock.now().getTime()), locale: caller.locale };
  if (caller.operatorId) call.operatorId = caller.operatorId;
  return call;
}

// The acts of the demo's simulated SEND. SEND hands the desk the very files whose SHA-256 each
// notification declares (DOMAIN.md 10 step 4, 13); the simulator (core) only invents digests, so
// every simulated notification leaves the adapter with the digests of real demo PDFs
// (electron/documents/demo-act.ts), and those PDFs are stored on this computer before the page
// that brings the notification is applied (the pull "downloads" them, as a real SEND client would).
// The first-start seed stores the acts of its notifications the same way (host.ts).
// Notifications the desk deposited itself (pushes) keep their documents: those are the sender's
// own files, already stored here when the form uploaded them.
import type { Notification, NotificationDocument } from '../../../core/index.js';
import { hexToBase64, sha256Hex } from '../../../db/files.js';
import { renderDemoAct } from '../../documents/demo-act.js';

export interface DemoActFile {
  /** Position of the document in `notification.documents`. */
  docIndex: number;
  bytes: Uint8Array;
  /** Hex SHA-256 of `bytes` (the file store's key). */
  sha256: string;
}

/** Where the files go: the store's content-addressed files (db/files.ts) or a test's fake. */
export interface DemoActSink {
  put(bytes: Uint8Array): Promise<unknown>;
}

/** Every act of a notification as a demo PDF, with its key. */
export async function demoActFiles(notification: Notification): Promise<DemoActFile[]> {
  return Promise.all(notification.documents.map(async (_, docIndex) => {
    const bytes = await renderDemoAct(notification, docIndex);
    return { docIndex, bytes, sha256: sha256Hex(bytes) };
  }));
}

/**
 * The notification whose documents are these files: each digest becomes the (base64, as SEND
 * writes it) SHA-256 of its file, and any local link is dropped (the key is the digest itself).
 */
export function withDemoDigests(notification: Notification, files: readonly DemoActFile[]): Notification {
  const documents = notification.documents.map((d, i): NotificationDocument => {
    const file = files.find((f) => f.docIndex === i);
    if (!file) return d;
    const { ref: _ref, ...rest } = d;
    return { ...rest, digests: { ...d.digests, sha256: hexToBase64(file.sha256) } };
  });
  return { ...notification, documents };
}

/**
 * Stores the acts of a demo notification and returns it with the digests of exactly those bytes.
 * The files are written first: a notification stored afterwards never names a missing file.
 */
export async function storeDemoActs(sink: DemoActSink, notification: Notification): Promise<Notification> {
  const files = await demoActFiles(notification);
  for (const f of files) await sink.put(f.bytes);
  return withDemoDigests(notification, files);
}

/** Files are not kept anywhere (tests of the feed alone): the digests are still the PDFs'. */
const nowhere: DemoActSink = { put: async () => undefined };

export class DemoActs {
  /** IUN -> the notification as SEND gives it, once its acts are stored (or being stored). */
  private readonly ready = new Map<string, Promise<Notification>>();

  constructor(private readonly sink: DemoActSink = nowhere) {}

  /** The simulated notification with its acts stored and named by their SHA-256. */
  of(notification: Notification): Promise<Notification> {
    const iun = notification.iun;
    let p = this.ready.get(iun);
    if (!p) {
      p = storeDemoActs(this.sink, notification);
      this.ready.set(iun, p);
      // A failed write (disk full...) is tried again with the next pull of the same page.
      p.catch(() => this.ready.delete(iun));
    }
    return p;
  }
}

// The acts of the demo's simulated SEND. SEND hands the desk the very files whose SHA-256 each
// notification declares; the simulator (core) only invents digests, so every simulated
// notification leaves the adapter with the digests of real demo PDFs (db/seed/demo-acts.ts), and
// those PDFs are stored on this computer before the page that brings the notification is applied
// (the pull "downloads" them, as a real SEND client would).
// Notifications the desk deposited itself (pushes) keep their documents: those are the sender's
// own files, already stored here when the form uploaded them.
import type { Notification } from '../../../core/index.js';
import { storeDemoActs, type DemoActSink } from '../../../db/seed/demo-acts.js';

export type { DemoActSink };

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

// The repositories of one scope: the whole store, or one open transaction.
import { AarTokensRepo } from './aar-tokens-repo.js';
import { AnalogOutcomesRepo } from './analog-outcomes-repo.js';
import { AuditRepo } from './audit-repo.js';
import { DeskMandatesRepo } from './desk-mandates-queries.js';
import { DeskRecordsRepo } from './desk-queries.js';
import { ScanRetentionRepo } from './scan-retention-repo.js';
import { SenderQueries } from './sender-queries.js';
import { SenderRequestsRepo } from './sender-requests-repo.js';
import { SenderStatsRepo } from './sender-stats-repo.js';
import { PostalQueries } from './postal-queries.js';
import { RequestAnswersRepo } from './request-answers-repo.js';
import { LegalFactsRepo } from './legal-facts-repo.js';
import { NotificationsRepo } from './notifications-repo.js';
import { OutboxRepo } from './outbox-repo.js';
import { RaddTransactionsRepo } from './radd-transactions-repo.js';
import { SettingsRepo, SyncCursorsRepo } from './settings-repo.js';
import type { Db } from './sql.js';
import { TimelineRepo } from './timeline-repo.js';
import { TimelineWriter } from './timeline-writer.js';
import { UsersRepo } from './users-repo.js';
import { withStoreErrors } from '../errors.js';

export interface Repositories {
  readonly notifications: NotificationsRepo;
  /** The timeline write path: elements + derived state in one transaction. */
  readonly timeline: TimelineWriter;
  readonly timelineElements: TimelineRepo;
  readonly legalFacts: LegalFactsRepo;
  readonly raddTransactions: RaddTransactionsRepo;
  readonly analogOutcomes: AnalogOutcomesRepo;
  readonly syncCursors: SyncCursorsRepo;
  readonly outbox: OutboxRepo;
  readonly audit: AuditRepo;
  readonly users: UsersRepo;
  readonly settings: SettingsRepo;
  readonly aarTokens: AarTokensRepo;
  /** The desk's own record of RADD operations: desk, operator, identity, documents and ticks. */
  readonly deskRecords: DeskRecordsRepo;
  /** Delegations (SEND mandates) known to this desk. */
  readonly deskMandates: DeskMandatesRepo;
  /** The sender office's list, export and dashboard queries. */
  readonly senderQueries: SenderQueries;
  /** Notification requests created by this sender office, tied to their outbox item. */
  readonly senderRequests: SenderRequestsRepo;
  /** Upkeep of the sender dashboard's daily counters (rebuild, drift check). */
  readonly senderStats: SenderStatsRepo;
  /** The postal screens' queries (giacenza register candidates). */
  readonly postalQueries: PostalQueries;
  /** Postal batches recorded, with the answer given: a batch confirmed again gets the same one. */
  /** Answers given to writes the screen names with a request id: the same request sent again gets the same one. */
  readonly requestAnswers: RequestAnswersRepo;
  /** Data retention: closed operations' scans still kept, the purge marker, keys still referenced. */
  readonly scanRetention: ScanRetentionRepo;
}

/**
 * Every repository method turns actionable driver errors (read-only, disk full, busy) into
 * DomainErrors, whether or not it runs inside store.transaction. The wrapper returns a Promise,
 * so repository methods must all be async.
 */
function guarded<T extends object>(repo: T): T {
  return new Proxy(repo, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => withStoreErrors(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  });
}

export function createRepositories(db: Db): Repositories {
  const repos: Repositories = {
    notifications: new NotificationsRepo(db),
    timeline: new TimelineWriter(db),
    timelineElements: new TimelineRepo(db),
    legalFacts: new LegalFactsRepo(db),
    raddTransactions: new RaddTransactionsRepo(db),
    analogOutcomes: new AnalogOutcomesRepo(db),
    syncCursors: new SyncCursorsRepo(db),
    outbox: new OutboxRepo(db),
    audit: new AuditRepo(db),
    users: new UsersRepo(db),
    settings: new SettingsRepo(db),
    aarTokens: new AarTokensRepo(db),
    deskRecords: new DeskRecordsRepo(db),
    deskMandates: new DeskMandatesRepo(db),
    postalQueries: new PostalQueries(db),
    requestAnswers: new RequestAnswersRepo(db),
    senderQueries: new SenderQueries(db),
    senderRequests: new SenderRequestsRepo(db),
    senderStats: new SenderStatsRepo(db),
    scanRetention: new ScanRetentionRepo(db),
  };
  return Object.fromEntries(Object.entries(repos).map(([k, r]) => [k, guarded(r as object)])) as unknown as Repositories;
}

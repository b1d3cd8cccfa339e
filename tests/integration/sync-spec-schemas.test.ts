// The adapters' zod schemas against PagoPA's OpenAPI files in ../shared/specs/ (read from there,
// never copied): every required property of the spec is in the zod schema and required there,
// every property of the zod schema exists in the spec (optional ones stay optional), enum values
// are the spec's, and each operation the clients call exists with that method and path.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { categoryRank } from '../../core/index.js';
import * as radd from '../../electron/adapters/radd/schemas.js';
import * as send from '../../electron/adapters/send-b2b/schemas.js';

const specsDir = join(resolve(import.meta.dirname, '..', '..'), '..', 'shared', 'specs');
const haveSpecs = existsSync(specsDir);
if (!haveSpecs) console.log(`sync-spec-schemas: skipped, ${specsDir} is absent (PagoPA's OpenAPI files are not in the repository)`);

type Spec = Record<string, unknown> & { properties?: Record<string, Spec>; required?: string[]; enum?: unknown[]; items?: Spec; type?: string; $ref?: string; allOf?: Spec[] };
const docs = new Map<string, Spec>();

function load(file: string): Spec {
  let d = docs.get(file);
  if (!d) {
    const text = readFileSync(join(specsDir, file), 'utf8');
    d = (file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Spec;
    docs.set(file, d);
  }
  return d;
}

/** Resolves $ref and merges allOf (later parts win, like the generators do). */
function flat(doc: Spec, s: Spec): Spec {
  if (s.$ref) return flat(doc, s.$ref.replace(/^#\//, '').split('/').reduce<Spec>((o, k) => o[k] as Spec, doc));
  if (!s.allOf) return s;
  const out: Spec = { ...s, properties: {}, required: [...(s.required ?? [])] };
  delete out.allOf;
  for (const part of [...s.allOf, { properties: s.properties ?? {} } as Spec]) {
    const f = flat(doc, part);
    Object.assign(out.properties!, f.properties ?? {});
    out.required!.push(...(f.required ?? []));
    if (f.type && !out.type) out.type = f.type;
  }
  return out;
}

interface ZodDef { type: string; innerType?: z.ZodType; element?: z.ZodType; values?: unknown[]; entries?: Record<string, unknown>; shape?: Record<string, z.ZodType> }
const defOf = (s: z.ZodType) => (s as unknown as { def: ZodDef }).def;

function unwrap(s: z.ZodType): { optional: boolean; inner: z.ZodType } {
  let optional = false;
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'default') optional = true;
    if (!['optional', 'nullable', 'default', 'readonly'].includes(d.type) || !d.innerType) return { optional, inner: cur };
    cur = d.innerType;
  }
}

function zodEnum(s: z.ZodType): unknown[] | undefined {
  const d = defOf(s);
  if (d.type === 'literal') return [...(d.values ?? [])];
  if (d.type === 'enum') return Object.values(d.entries ?? {});
  return undefined;
}

/** Differences between a zod schema and a spec schema, as readable lines. */
function compare(doc: Spec, zs: z.ZodType, spec: Spec, path: string, out: string[]): void {
  const s = flat(doc, spec);
  const { inner } = unwrap(zs);
  const d = defOf(inner);
  if (d.type === 'object') {
    const shape = (inner as unknown as { shape: Record<string, z.ZodType> }).shape;
    const props = s.properties ?? {};
    const required = new Set(s.required ?? []);
    for (const r of required) {
      if (!(r in shape)) out.push(`${path}.${r}: required by the spec, missing in zod`);
      else if (unwrap(shape[r]!).optional) out.push(`${path}.${r}: required by the spec, optional in zod`);
    }
    for (const [k, v] of Object.entries(shape)) {
      if (!(k in props)) out.push(`${path}.${k}: not in the spec`);
      else {
        if (!required.has(k) && !unwrap(v).optional) out.push(`${path}.${k}: optional in the spec, required in zod`);
        compare(doc, v, props[k]!, `${path}.${k}`, out);
      }
    }
    return;
  }
  if (d.type === 'array') {
    if (s.type !== 'array') out.push(`${path}: array in zod, ${s.type} in the spec`);
    else compare(doc, (inner as unknown as { element: z.ZodType }).element, s.items!, `${path}[]`, out);
    return;
  }
  const values = zodEnum(inner);
  if (values && s.enum) for (const v of values) if (!s.enum.includes(v)) out.push(`${path}: value ${JSON.stringify(v)} not in the spec's enum`);
}

const SEND_FILES = ['send-delivery-b2b-pa.yaml', 'emulator-b2b-pa-v2-4.yaml'];
const SEND_CASES: [string, z.ZodType][] = [
  ['NewNotificationRequestV24', send.newNotificationRequestSchema],
  ['NewNotificationResponse', send.newNotificationResponseSchema],
  ['NewNotificationRequestStatusResponseV24', send.requestStatusResponseSchema],
  ['FullSentNotificationV25', send.fullSentNotificationSchema],
  ['TimelineElementV25', send.timelineElementSchema],
  ['NotificationStatusHistoryElement', send.statusHistoryElementSchema],
  ['ProgressResponseV25', send.progressResponseSchema],
  ['StreamMetadataResponseV25', send.streamMetadataSchema],
  ['LegalFactListV20', send.legalFactListSchema],
  ['LegalFactDownloadMetadataResponse', send.legalFactDownloadSchema],
  ['NotificationAttachmentDownloadMetadataResponse', send.documentDownloadSchema],
  ['RequestStatus', send.cancelResponseSchema],
  ['PreLoadRequest', send.preloadRequestSchema],
  ['PreLoadResponse', send.preloadResponseSchema],
];
const RADD_CASES: [string, z.ZodType][] = [
  ['DocumentUploadRequest', radd.documentUploadRequestSchema],
  ['DocumentUploadResponse', radd.documentUploadResponseSchema],
  ['ActInquiryResponse', radd.actInquiryResponseSchema],
  ['AORInquiryResponse', radd.aorInquiryResponseSchema],
  ['ActStartTransactionRequest', radd.actStartRequestSchema],
  ['AorStartTransactionRequest', radd.aorStartRequestSchema],
  ['StartTransactionResponse', radd.startTransactionResponseSchema],
  ['CompleteTransactionRequest', radd.completeRequestSchema],
  ['CompleteTransactionResponse', radd.completeResponseSchema],
  ['AbortTransactionRequest', radd.abortRequestSchema],
  ['AbortTransactionResponse', radd.abortResponseSchema],
];

/** [file, method, path, operationId] of every call the clients make. */
const OPERATIONS: [string, string, string, string][] = [
  ...SEND_FILES.flatMap((f): [string, string, string, string][] => [
    [f, 'post', '/delivery/v2.4/requests', 'sendNewNotificationV24'],
    [f, 'get', '/delivery/v2.4/requests', 'retrieveNotificationRequestStatusV24'],
    [f, 'get', '/delivery/v2.5/notifications/sent/{iun}', 'retrieveSentNotificationV25'],
    [f, 'get', '/delivery-progresses/v2.5/streams/{streamId}/events', 'consumeEventStreamV25'],
    [f, 'get', '/delivery-progresses/v2.5/streams/{streamId}', 'retrieveEventStreamV25'],
    [f, 'get', '/delivery-push/v2.0/{iun}/legal-facts', 'retrieveNotificationLegalFactsV20'],
    [f, 'get', '/delivery-push/{iun}/download/legal-facts/{legalFactId}', 'downloadLegalFactById'],
    [f, 'get', '/delivery/notifications/sent/{iun}/attachments/documents/{docIdx}', 'retrieveSentNotificationDocument'],
    [f, 'put', '/delivery-push/v2.0/notifications/cancel/{iun}', 'notificationCancellation'],
  ]),
  ['send-delivery-push-b2b-pa.yaml', 'put', '/delivery-push/v2.0/notifications/cancel/{iun}', 'notificationCancellation'],
  // Only here: the emulator's file nests the preload path inside /status (../shared/specs/README.md).
  ['send-delivery-b2b-pa.yaml', 'post', '/delivery/attachments/preload', 'presignedUploadRequest'],
  ...['upload:post:/radd-net/api/v1/documents/upload:documentUpload', 'x:get:/radd-net/api/v1/download/{operationType}/{operationId}:documentDownload',
    'x:get:/radd-net/api/v1/act/inquiry:actInquiry', 'x:get:/radd-net/api/v1/aor/inquiry:aorInquiry',
    ...['act', 'aor'].flatMap((t) => ['start', 'complete', 'abort'].map((k) => `x:post:/radd-net/api/v1/${t}/transaction/${k}:${k}${t === 'act' ? 'Act' : 'Aor'}Transaction`))]
    .map((l): [string, string, string, string] => {
      const [, method, path, id] = l.split(':');
      return ['radd-alt-external.yaml', method!, path!, id!];
    }),
];

/** Where the two SEND files disagree, the schema follows the looser one; each such line is listed here. */
const KNOWN_DIFFERENCES: Record<string, string[]> = {
  'send-delivery-b2b-pa.yaml': ['StreamMetadataResponseV25.groups: required by the spec, optional in zod'],
  'emulator-b2b-pa-v2-4.yaml': ['StreamMetadataResponseV25.groups: not in the spec'],
};

describe.skipIf(!haveSpecs)('sync zod schemas match the OpenAPI files in ../shared/specs', () => {
  it('the comparison reports a missing required property, an invented one and a foreign enum value', () => {
    const doc = load('radd-alt-external.yaml');
    const wrong = radd.completeRequestSchema.omit({ operationDate: true }).extend({ invented: radd.completeRequestSchema.shape.operationId });
    const out: string[] = [];
    compare(doc, wrong, (doc.components as { schemas: Record<string, Spec> }).schemas.CompleteTransactionRequest!, 'C', out);
    compare(doc, radd.aorStartRequestSchema.extend({ recipientType: z.enum(['PF', 'PG', 'XX']) }), (doc.components as { schemas: Record<string, Spec> }).schemas.AorStartTransactionRequest!, 'A', out);
    expect(out).toEqual(['C.operationDate: required by the spec, missing in zod', 'C.invented: not in the spec', 'A.recipientType: value "XX" not in the spec\'s enum']);
  });

  for (const file of SEND_FILES) {
    it.each(SEND_CASES)(`${file}: %s`, (name, schema) => {
      const doc = load(file);
      const out: string[] = [];
      compare(doc, schema, (doc.components as { schemas: Record<string, Spec> }).schemas[name]!, name, out);
      expect(out.filter((l) => !(KNOWN_DIFFERENCES[file] ?? []).includes(l))).toEqual([]);
    });
  }

  it.each(RADD_CASES)('radd-alt-external.yaml: %s', (name, schema) => {
    const doc = load('radd-alt-external.yaml');
    const out: string[] = [];
    compare(doc, schema, (doc.components as { schemas: Record<string, Spec> }).schemas[name]!, name, out);
    expect(out).toEqual([]);
  });

  it('json-schema-identity-doc-info.json: metadati_destinatario.json / metadati_delegato.json', () => {
    const doc = load('json-schema-identity-doc-info.json');
    const out: string[] = [];
    compare(doc, radd.identityDocInfoSchema, doc, 'identityDocInfo', out);
    expect(out).toEqual([]);
  });

  it.each(OPERATIONS)('%s has %s %s (%s)', (file, method, path, operationId) => {
    const paths = load(file).paths as Record<string, Record<string, { operationId?: string }>>;
    expect(paths[path]?.[method]?.operationId).toBe(operationId);
  });

  it('the preload takes 1 to 15 documents and the upload carries the headers the spec lists', () => {
    const doc = load('send-delivery-b2b-pa.yaml');
    const body = (doc.paths as Record<string, Record<string, { requestBody: { content: Record<string, { schema: Spec & { minItems?: number; maxItems?: number } }> } }>>)['/delivery/attachments/preload']!.post!.requestBody.content['application/json']!.schema;
    expect([body.type, body.minItems, body.maxItems, send.PRELOAD_MAX_ITEMS]).toEqual(['array', 1, 15, 15]);
    expect(send.preloadBulkRequestSchema.safeParse([]).success).toBe(false);
    const description = String((doc.info as { description: string }).description);
    for (const header of ['x-amz-meta-secret', 'x-amz-checksum-sha256', 'x-amz-version-id', 'ref.versionToken']) expect(description, header).toContain(header);
  });

  it('every timeline category the specs list is one the core knows (SEND\'s spellings included)', () => {
    const categories = new Set<string>();
    for (const file of readdirSync(specsDir).filter((f) => f.endsWith('.yaml'))) {
      const schemas = (load(file).components as { schemas?: Record<string, Spec> } | undefined)?.schemas ?? {};
      for (const [name, schema] of Object.entries(schemas)) if (name.startsWith('TimelineElementCategory')) for (const c of schema.enum ?? []) categories.add(String(c));
    }
    expect(categories.size).toBeGreaterThan(40);
    expect([...categories].filter((c) => categoryRank(c) === undefined)).toEqual([]);
  });

  it('the send-b2b client authenticates as the spec says (x-api-key header)', () => {
    for (const file of SEND_FILES) {
      const schemes = (load(file).components as { securitySchemes: Record<string, { type: string; in: string; name: string }> }).securitySchemes;
      expect(Object.values(schemes)).toContainEqual(expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-api-key' }));
    }
  });
});

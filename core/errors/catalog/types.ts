/** One catalogue entry: the clerk-facing text of one stable code, with `{param}` placeholders. */
export interface CatalogEntry {
  it: string;
  en: string;
}
export type Catalog = Record<string, CatalogEntry>;

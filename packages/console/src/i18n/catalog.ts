/** Section → key → text; plural keys carry i18next's `_one`/`_other` suffixes per locale. */
export type Catalog = Record<string, Record<string, string>>;

// Every migration, in order. Add new ones at the end with the next number.
import type { Migration } from '../migrate.ts';
import * as m0001 from './0001-foundation.ts';
import * as m0002 from './0002-import-pipeline.ts';
import * as m0003 from './0003-near-duplicates.ts';
import * as m0010 from './0010-search-index.ts';
import * as m0011 from './0011-saved-searches.ts';
import * as m0020 from './0020-quotes-collections.ts';
import * as m0030 from './0030-near-duplicates-in-memory.ts';
import * as m0031 from './0031-no-file-hash-index.ts';
import * as m0032 from './0032-search-index-body-first.ts';
import * as m0033 from './0033-articles-hash-index.ts';

export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0010, m0011, m0020, m0030, m0031, m0032, m0033];

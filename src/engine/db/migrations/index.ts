// Every migration, in order. Add new ones at the end with the next number.
import type { Migration } from '../migrate.ts';
import * as m0001 from './0001-foundation.ts';

export const MIGRATIONS: readonly Migration[] = [m0001];

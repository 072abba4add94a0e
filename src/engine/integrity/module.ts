// The integrity methods of the contract. They are the engine's own (not a session module's)
// because they must work when no corpus is open and must be able to replace the corpus.
import type { BackupInfo, BackupList, CorpusHealth, IntegrityReport, MethodName } from '../../shared/api.ts';
import type { EngineModule } from '../context.ts';

export interface CorpusControl {
  health(): CorpusHealth;
  check(): IntegrityReport;
  listBackups(): BackupList;
  backup(): Promise<BackupInfo>;
  restore(name: string): Promise<CorpusHealth>;
}

export const INTEGRITY_METHODS: readonly MethodName[] = ['corpus.health', 'corpus.check', 'backup.list', 'backup.create', 'backup.restore'];

export function createIntegrityModule(control: CorpusControl): EngineModule {
  return {
    handlers: {
      'corpus.health': () => control.health(),
      'corpus.check': () => control.check(),
      'backup.list': () => control.listBackups(),
      'backup.create': () => control.backup(),
      'backup.restore': ({ name }) => control.restore(name),
    },
  };
}

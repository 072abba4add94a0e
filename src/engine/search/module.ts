// Full-text search.
import type { EngineModule } from '../context.ts';
import type { SearchService } from './search.ts';

export function createSearchModule(search: SearchService): EngineModule {
  return {
    handlers: {
      'search.query': (args) => search.query(args),
    },
  };
}

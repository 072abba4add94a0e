// As-you-type suggestions for what is in the search box, fetched shortly after typing stops.
import { useEffect, useRef, useState } from 'react';
import { api, type Suggestion } from '../api/index.ts';

export function useSuggestions(text: string, enabled: boolean): Suggestion[] {
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const latest = useRef('');
  useEffect(() => {
    latest.current = text;
    if (!enabled || text.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    const timer = setTimeout(() => {
      api.call('search.suggest', { text, limit: 8 }).then(
        (r) => {
          if (latest.current === text) setSuggestions(r.suggestions);
        },
        () => setSuggestions([]),
      );
    }, 90);
    return () => clearTimeout(timer);
  }, [text, enabled]);
  return suggestions;
}

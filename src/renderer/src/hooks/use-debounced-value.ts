import { useCallback, useEffect, useState } from 'react';

/**
 * The value, `delay` ms after it last changed. `flush` makes the current value take effect at
 * once (Enter in the search box should not wait for the debounce).
 */
export function useDebouncedValue<T>(value: T, delay: number): [T, () => void] {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    if (Object.is(value, debounced)) return;
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay, debounced]);
  const flush = useCallback(() => setDebounced(value), [value]);
  return [debounced, flush];
}

import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `onVisible` when the returned ref's element scrolls into view. A new `onVisible`
 * re-observes, so an element still in view after loading more triggers again.
 */
export function useInView<T extends Element>(onVisible: () => void, enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onVisible();
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [onVisible, enabled]);
  return ref;
}

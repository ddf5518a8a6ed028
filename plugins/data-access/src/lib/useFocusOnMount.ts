import { useCallback } from 'react';

/**
 * A ref that focuses its element as soon as it is attached, as the WAI-ARIA dialog pattern
 * asks for the first field of a form dialog. A callback ref rather than `autoFocus` or an
 * effect: dialogs render through a portal, so the field can appear after the component's
 * own effects ran, and the ref fires exactly when the field exists.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  return useCallback((element: T | null) => {
    element?.focus();
  }, []);
}
